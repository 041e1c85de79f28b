#include "api/server/configfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace LittleLemon::Server;

// /etc/littlelemon/server.conf as littlelemon-server reads it: every good
// line lands in ServerConfig, every bad line is reported with its number
// and a reason, and the file shipped in packaging/ parses cleanly.
class TstConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");

        QTest::newRow("listen any") << QByteArray("listen = 0.0.0.0:8000") << "listen" << "0.0.0.0:8000";
        QTest::newRow("listen ipv6") << QByteArray("listen = [::1]:8443") << "listen" << "::1:8443";
        QTest::newRow("listen port only") << QByteArray("listen=:9000") << "listen"
                                          << QStringLiteral("%1:9000").arg(QHostAddress(QHostAddress::Any).toString());
        QTest::newRow("page size") << QByteArray("page_size = 50") << "page_size" << "50";
        QTest::newRow("dash spelling") << QByteArray("page-size = 7") << "page_size" << "7";
        QTest::newRow("upper case key") << QByteArray("PAGE_SIZE = 8") << "page_size" << "8";
        QTest::newRow("tabs and CRLF") << QByteArray("\tthrottle_anon\t=\t120\r\n") << "throttle_anon" << "120";
        QTest::newRow("throttle user") << QByteArray("throttle_user = 1200") << "throttle_user" << "1200";
        QTest::newRow("trailing comment") << QByteArray("throttle_user = 300  # more terminals")
                                          << "throttle_user" << "300";
        QTest::newRow("access ttl seconds") << QByteArray("access_ttl = 900") << "access_ttl" << "900";
        QTest::newRow("access ttl minutes") << QByteArray("access_ttl = 15m") << "access_ttl" << "900";
        QTest::newRow("refresh ttl days") << QByteArray("refresh_ttl = 7d") << "refresh_ttl" << "604800";
        QTest::newRow("refresh ttl hours") << QByteArray("refresh_ttl = 12h") << "refresh_ttl" << "43200";
        QTest::newRow("booking stay") << QByteArray("booking_stay = 120") << "booking_stay" << "120";
        QTest::newRow("max body") << QByteArray("max_body_bytes = 2097152") << "max_body_bytes" << "2097152";
        QTest::newRow("events backlog") << QByteArray("events_backlog = 65536") << "events_backlog" << "65536";
        QTest::newRow("certificate") << QByteArray("tls_certificate = /etc/littlelemon/server.crt")
                                     << "tls_certificate" << "/etc/littlelemon/server.crt";
        QTest::newRow("quoted key path with #") << QByteArray("tls_key = \"/etc/little lemon/#1.key\" # quoted")
                                                << "tls_key" << "/etc/little lemon/#1.key";
        QTest::newRow("hash inside a word") << QByteArray("backup_dir = /srv/backups#2")
                                            << "backup_dir" << "/srv/backups#2";
        QTest::newRow("backups off") << QByteArray("backup_keep = 0") << "backup_keep" << "0";
        QTest::newRow("backup time") << QByteArray("backup_time = 23:45") << "backup_time" << "23:45";
        QTest::newRow("data dir") << QByteArray("data_dir = /var/lib/littlelemon") << "data_dir"
                                  << "/var/lib/littlelemon";
        QTest::newRow("comments and blanks around")
            << QByteArray("# a comment\n\n   # indented comment\npage_size = 12\n\n") << "page_size" << "12";
    }

    void goodLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        ServerConfig config;
        const QList<ConfigFile::Problem> problems = ConfigFile::parse(text, &config);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
        QCOMPARE(valueOf(config, field), expected);
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("no equals sign") << QByteArray("listen 0.0.0.0:8000") << 1 << "key = value";
        QTest::newRow("unknown key") << QByteArray("# ok\ntrottle_user = 5") << 2 << "unknown key \"trottle_user\"";
        QTest::newRow("no key") << QByteArray("= 5") << 1 << "without a key";
        QTest::newRow("empty value") << QByteArray("page_size =") << 1 << "has no value";
        QTest::newRow("twice") << QByteArray("page_size = 5\npage_size = 6") << 2 << "first on line 1";
        QTest::newRow("bad listen") << QByteArray("listen = everywhere") << 1 << "ADDRESS:PORT";
        QTest::newRow("bad address") << QByteArray("listen = 300.1.1.1:80") << 1 << "not an IP address";
        QTest::newRow("bad port") << QByteArray("listen = 0.0.0.0:70000") << 1 << "not a port number";
        QTest::newRow("page size zero") << QByteArray("page_size = 0") << 1 << "from 1 to 1000";
        QTest::newRow("page size words") << QByteArray("page_size = ten") << 1 << "\"ten\"";
        QTest::newRow("negative throttle") << QByteArray("throttle_anon = -1") << 1 << "whole number";
        QTest::newRow("ttl unit") << QByteArray("access_ttl = 15 minutes") << 1 << "duration";
        QTest::newRow("ttl too long") << QByteArray("access_ttl = 400d") << 1 << "duration";
        QTest::newRow("backup time") << QByteArray("backup_time = 25:00") << 1 << "HH:MM";
        QTest::newRow("backup time words") << QByteArray("backup_time = midnight") << 1 << "HH:MM";
        QTest::newRow("backup keep") << QByteArray("backup_keep = -3") << 1 << "from 0 to 3650";
        QTest::newRow("open quote") << QByteArray("tls_key = \"/etc/x.key") << 1 << "quote is not closed";
        QTest::newRow("after quote") << QByteArray("tls_key = \"/etc/x.key\" extra") << 1 << "after the closing quote";
        QTest::newRow("small body limit") << QByteArray("max_body_bytes = 10") << 1 << "from 1024";
        QTest::newRow("line numbers count blanks") << QByteArray("\n\n# c\n\nbogus") << 5 << "key = value";
    }

    void badLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, mentions);
        ServerConfig config;
        const QList<ConfigFile::Problem> problems = ConfigFile::parse(text, &config);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, line);
        QVERIFY2(problems.first().message.contains(mentions), qPrintable(problems.first().message));
    }

    // A bad line does not stop the others from being read or reported.
    void everyProblemIsReported()
    {
        ServerConfig config;
        const QList<ConfigFile::Problem> problems
            = ConfigFile::parse("page_size = x\nthrottle_user = 500\nnonsense\nlisten = :1\n", &config);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).line, 1);
        QCOMPARE(problems.at(1).line, 3);
        QCOMPARE(config.throttleUser, 500);
        QCOMPARE(config.port, quint16(1));
        QCOMPARE(config.pageSize, ServerConfig().pageSize);
    }

    void loadNamesTheFileAndLines()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("listen = 0.0.0.0:8000\npage_size = 0\nfoo = 1\n");
        f.close();
        ServerConfig config;
        QString error;
        QVERIFY(!ConfigFile::load(path, &config, &error));
        QVERIFY2(error.contains(path + QStringLiteral(":2: ")), qPrintable(error));
        QVERIFY2(error.contains(path + QStringLiteral(":3: ")), qPrintable(error));

        QVERIFY(!ConfigFile::load(dir.filePath(QStringLiteral("missing.conf")), &config, &error));
        QVERIFY2(error.contains(QStringLiteral("missing.conf")), qPrintable(error));
    }

    // The server.conf the package installs: every setting it shows parses,
    // and every key it documents (also the commented-out ones) is known.
    void shippedFileParses()
    {
        QFile f(QStringLiteral(LL_SHIPPED_SERVER_CONF));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QByteArray text = f.readAll();
        ServerConfig config;
        const QList<ConfigFile::Problem> problems = ConfigFile::parse(text, &config);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
        QCOMPARE(config.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(config.port, quint16(8000));
        QVERIFY(config.tlsCertificate.isEmpty());
        QCOMPARE(config.backupKeep, 14);

        // Uncommenting the documented lines must give a file that parses too.
        QByteArray uncommented;
        for (QByteArray line : text.split('\n')) {
            if (line.startsWith("#") && line.contains(" = ") && !line.startsWith("# "))
                line = line.mid(1);
            uncommented += line + '\n';
        }
        ServerConfig all;
        const QList<ConfigFile::Problem> more = ConfigFile::parse(uncommented, &all);
        QVERIFY2(more.isEmpty(), qPrintable(more.value(0).message));
        QVERIFY(!all.tlsCertificate.isEmpty());
        QVERIFY(!all.tlsKey.isEmpty());
        for (const QString &key : ConfigFile::keys())
            QVERIFY2(text.contains(QByteArray(key.toLatin1() + " = ")), qPrintable(QStringLiteral("%1 is not documented").arg(key)));
    }

private:
    static QString valueOf(const ServerConfig &c, const QString &field)
    {
        if (field == u"listen")
            return QStringLiteral("%1:%2").arg(c.address.toString()).arg(c.port);
        if (field == u"page_size")
            return QString::number(c.pageSize);
        if (field == u"throttle_anon")
            return QString::number(c.throttleAnon);
        if (field == u"throttle_user")
            return QString::number(c.throttleUser);
        if (field == u"access_ttl")
            return QString::number(c.accessTtlSeconds);
        if (field == u"refresh_ttl")
            return QString::number(c.refreshTtlSeconds);
        if (field == u"booking_stay")
            return QString::number(c.bookingStayMinutes);
        if (field == u"max_body_bytes")
            return QString::number(c.maxBodyBytes);
        if (field == u"events_backlog")
            return QString::number(c.eventsBacklogBytes);
        if (field == u"tls_certificate")
            return c.tlsCertificate;
        if (field == u"tls_key")
            return c.tlsKey;
        if (field == u"backup_keep")
            return QString::number(c.backupKeep);
        if (field == u"backup_time")
            return c.backupTime.toString(QStringLiteral("HH:mm"));
        if (field == u"backup_dir")
            return c.backupDir;
        if (field == u"data_dir")
            return c.dataDir;
        return QStringLiteral("?");
    }
};

QTEST_GUILESS_MAIN(TstConfigFile)
#include "tst_configfile.moc"
