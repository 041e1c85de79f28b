#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    Run r;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(timeoutMs)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

QString debFile()
{
    return QStringLiteral(LL_DEB_FILE);
}

} // namespace

// The Debian package CPack builds (tools/dev.sh test builds the `package`
// target before ctest): what `dpkg-deb -c` lists (the three programs, the
// desktop entry and the lemon in every size, the translations, the unit,
// server.conf, the licence), what `dpkg-deb -I` declares (the Qt 6
// libraries, the SQLite driver, QtKeychain, libjwt; the maintainer scripts),
// and that what it holds works: desktop-file-validate passes, the icons are
// the sizes their folders say, the translations load, the programs run.
class TstDeb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QFileInfo deb(debFile());
        QVERIFY2(deb.isFile(),
                 qPrintable(QStringLiteral("no package at %1: build it with `cmake --build %2 --target package` "
                                           "(tools/dev.sh test does so before ctest)")
                                .arg(debFile(), deb.absolutePath())));
        // A package older than the programs would test yesterday's build.
        for (const QString &binary : QStringLiteral(LL_BINARIES).split(u'|')) {
            QVERIFY2(QFileInfo(binary).lastModified() <= deb.lastModified(),
                     qPrintable(QStringLiteral("%1 is older than %2: rebuild the package target")
                                    .arg(debFile(), binary)));
        }
        const Run list = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-c"), debFile() });
        QVERIFY2(list.code == 0, list.err.constData());
        m_listing = QString::fromUtf8(list.out);
        const Run info = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-I"), debFile() });
        QVERIFY2(info.code == 0, info.err.constData());
        m_info = QString::fromUtf8(info.out);
        QVERIFY(m_root.isValid());
        const Run x = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-x"), debFile(), m_root.path() });
        QVERIFY2(x.code == 0, x.err.constData());
        const Run e = run(QStringLiteral("dpkg-deb"),
                          { QStringLiteral("-e"), debFile(), m_root.filePath(QStringLiteral("DEBIAN")) });
        QVERIFY2(e.code == 0, e.err.constData());
    }

    void listsFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mode");
        for (const char *program : { "littlelemon-desk", "littlelemon-server", "littlelemon-cli" })
            QTest::addRow("%s", program) << QStringLiteral("./usr/bin/%1").arg(QLatin1String(program))
                                         << QStringLiteral("-rwxr-xr-x");
        QTest::newRow("desktop entry") << "./usr/share/applications/littlelemon-desk.desktop" << "-rw-r--r--";
        QTest::newRow("svg icon") << "./usr/share/icons/hicolor/scalable/apps/littlelemon-desk.svg" << "-rw-r--r--";
        for (const QString &size : QStringLiteral(LL_ICON_SIZES).split(u'|'))
            QTest::addRow("png %s", qPrintable(size))
                << QStringLiteral("./usr/share/icons/hicolor/%1x%1/apps/littlelemon-desk.png").arg(size) << "-rw-r--r--";
        QTest::newRow("pt_BR") << "./usr/share/littlelemon/translations/littlelemon_pt_BR.qm" << "-rw-r--r--";
        QTest::newRow("es") << "./usr/share/littlelemon/translations/littlelemon_es.qm" << "-rw-r--r--";
        QTest::newRow("systemd unit") << "./usr/lib/systemd/system/littlelemon-server.service" << "-rw-r--r--";
        QTest::newRow("server.conf") << "./usr/share/littlelemon/server.conf" << "-rw-r--r--";
        QTest::newRow("licence") << "./usr/share/doc/littlelemon-desk/copyright" << "-rw-r--r--";
        QTest::newRow("readme") << "./usr/share/doc/littlelemon-desk/README.md" << "-rw-r--r--";
    }

    void listsFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, mode);
        // "-rwxr-xr-x root/root  123 2026-01-01 12:00 ./usr/bin/littlelemon-desk"
        const QRegularExpression line(QStringLiteral("^(\\S+)\\s+root/root\\s+(\\d+)\\s.*\\s%1$")
                                          .arg(QRegularExpression::escape(path)),
                                      QRegularExpression::MultilineOption);
        const auto m = line.match(m_listing);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("%1 is not in the package").arg(path)));
        QCOMPARE(m.captured(1), mode);
        QVERIFY2(m.captured(2).toLongLong() > 0, qPrintable(path + QStringLiteral(" is empty")));
    }

    void declares_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("package");
        for (const char *lib : { "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6", "libqt6sql6",
                                 "libqt6httpserver6", "libqt6websockets6" })
            QTest::addRow("Qt: %s", lib) << "Depends" << QString::fromLatin1(lib);
        QTest::newRow("SQLite driver") << "Depends" << "libqt6sql6-sqlite";
        QTest::newRow("platform plugins") << "Depends" << "qt6-qpa-plugins";
        QTest::newRow("QtKeychain") << "Depends" << "libqt6keychain1";
        QTest::newRow("libjwt") << "Depends" << "libjwt0";
        QTest::newRow("sqlite3") << "Depends" << "libsqlite3-0";
        QTest::newRow("adduser (postinst)") << "Depends" << "adduser";
        QTest::newRow("keyring") << "Recommends" << "gnome-keyring";
        QTest::newRow("Qt's translations") << "Recommends" << "qt6-translations-l10n";
        QTest::newRow("package name") << "Package" << "littlelemon-desk";
        QTest::newRow("version") << "Version" << QStringLiteral(LL_VERSION);
        QTest::newRow("architecture") << "Architecture" << "amd64";
    }

    void declares()
    {
        QFETCH(QString, field);
        QFETCH(QString, package);
        const QRegularExpression line(QStringLiteral("^ %1: (.*)$").arg(field), QRegularExpression::MultilineOption);
        const auto m = line.match(m_info);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("no %1 field in:\n%2").arg(field, m_info)));
        // "libqt6core6 (>= 6.4.2)": a name in a comma-separated list, any version.
        const QRegularExpression entry(QStringLiteral("(^|[,|]\\s*)%1(\\s|,|$)").arg(QRegularExpression::escape(package)));
        QVERIFY2(entry.match(m.captured(1)).hasMatch(),
                 qPrintable(QStringLiteral("%1 does not name %2: %3").arg(field, package, m.captured(1))));
    }

    void maintainerScripts_data()
    {
        QTest::addColumn<QString>("script");
        QTest::newRow("postinst") << "postinst";
        QTest::newRow("prerm") << "prerm";
        QTest::newRow("postrm") << "postrm";
    }

    void maintainerScripts()
    {
        QFETCH(QString, script);
        QVERIFY2(m_info.contains(QRegularExpression(QStringLiteral("\\s%1\\s").arg(script))),
                 qPrintable(QStringLiteral("dpkg-deb -I lists no %1").arg(script)));
        const QString path = m_root.filePath(QStringLiteral("DEBIAN/") + script);
        QVERIFY(QFileInfo(path).isExecutable());
        const Run syntax = run(QStringLiteral("sh"), { QStringLiteral("-n"), path });
        QVERIFY2(syntax.code == 0, syntax.err.constData());
    }

    void desktopEntryValidates()
    {
        const QString entry = m_root.filePath(QStringLiteral("usr/share/applications/littlelemon-desk.desktop"));
        const Run v = run(QStringLiteral("desktop-file-validate"), { entry });
        QVERIFY2(v.code == 0, qPrintable(QString::fromUtf8(v.err + v.out)));
        QVERIFY2(v.out.trimmed().isEmpty(), v.out.constData()); // not even a hint
        QFile f(entry);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        // What it starts and shows is what the package installs.
        QVERIFY(text.contains("\nExec=littlelemon-desk"));
        QVERIFY(text.contains("\nIcon=littlelemon-desk\n"));
        QVERIFY(text.contains("\nName[pt_BR]=") || text.contains("\nGenericName[pt_BR]="));
        QVERIFY(text.contains("\nComment[es]="));
    }

    void iconsAreTheirSize_data()
    {
        QTest::addColumn<int>("size");
        for (const QString &size : QStringLiteral(LL_ICON_SIZES).split(u'|'))
            QTest::addRow("%sx%s", qPrintable(size), qPrintable(size)) << size.toInt();
    }

    void iconsAreTheirSize()
    {
        QFETCH(int, size);
        const QImage icon(m_root.filePath(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/littlelemon-desk.png").arg(size)));
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
    }

    void svgIconIsSvg()
    {
        QFile f(m_root.filePath(QStringLiteral("usr/share/icons/hicolor/scalable/apps/littlelemon-desk.svg")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        while (!xml.atEnd() && !xml.isStartElement())
            xml.readNext();
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void translationsLoad_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("pt_BR") << "pt_BR";
        QTest::newRow("es") << "es";
    }

    void translationsLoad()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(
            m_root.filePath(QStringLiteral("usr/share/littlelemon/translations/littlelemon_%1.qm").arg(language))));
        QCOMPARE(translator.language(), language);
        QVERIFY(!translator.isEmpty());
        const QString quit = translator.translate("LittleLemon::Ui::MainWindow", "Quit");
        QVERIFY2(!quit.isEmpty() && quit != u"Quit", qPrintable(quit));
    }

    void unitRunsTheServerAsItsUser()
    {
        QFile f(m_root.filePath(QStringLiteral("usr/lib/systemd/system/littlelemon-server.service")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray unit = f.readAll();
        QVERIFY(unit.contains("\nExecStart=/usr/bin/littlelemon-server --config /etc/littlelemon/server.conf "
                              "--data-dir /var/lib/littlelemon\n"));
        QVERIFY(unit.contains("\nUser=littlelemon\n"));
        QVERIFY(unit.contains("\nWantedBy=multi-user.target\n"));
        QFile postinst(m_root.filePath(QStringLiteral("DEBIAN/postinst")));
        QVERIFY(postinst.open(QIODevice::ReadOnly));
        const QByteArray script = postinst.readAll();
        // The user the unit names and the configuration it reads are made by the postinst.
        QVERIFY(script.contains("adduser --system --group"));
        QVERIFY(script.contains("/usr/share/littlelemon/server.conf /etc/littlelemon/server.conf"));
    }

    // The packaged (stripped) programs start.
    void programsRun_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("prints");
        QTest::newRow("server --version") << "littlelemon-server" << QStringList { QStringLiteral("--version") }
                                          << QStringLiteral("littlelemon-server " LL_VERSION);
        QTest::newRow("cli --help") << "littlelemon-cli" << QStringList { QStringLiteral("--help") } << "Usage:";
        QTest::newRow("desk --version") << "littlelemon-desk" << QStringList { QStringLiteral("--version") }
                                        << QStringLiteral(LL_VERSION);
    }

    void programsRun()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QFETCH(QString, prints);
        const Run r = run(m_root.filePath(QStringLiteral("usr/bin/") + program), args);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(QString::fromUtf8(r.out).contains(prints), r.out.constData());
    }

    void tarballHasTheSameTree()
    {
        const QString tgz = QStringLiteral(LL_TGZ_FILE);
        QVERIFY2(QFileInfo(tgz).isFile(), qPrintable(tgz + QStringLiteral(" is missing")));
        const Run t = run(QStringLiteral("tar"), { QStringLiteral("-tzf"), tgz });
        QVERIFY2(t.code == 0, t.err.constData());
        // One folder with the installed tree relative to its prefix: unpack
        // it into /usr/local or /opt/littlelemon and run bin/littlelemon-desk.
        const QByteArray top = QFileInfo(tgz).completeBaseName().chopped(4).toUtf8(); // minus ".tar"
        for (const char *path : { "/bin/littlelemon-server", "/bin/littlelemon-desk", "/bin/littlelemon-cli",
                                  "/lib/systemd/system/littlelemon-server.service",
                                  "/share/applications/littlelemon-desk.desktop",
                                  "/share/littlelemon/translations/littlelemon_pt_BR.qm" })
            QVERIFY2(t.out.contains(QByteArray(top + path + '\n')), path);
    }

private:
    QString m_listing;
    QString m_info;
    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(TstDeb)
#include "tst_deb.moc"
