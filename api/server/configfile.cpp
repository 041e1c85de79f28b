#include "api/server/configfile.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace LittleLemon::Server {

namespace {

using Setter = std::function<bool(const QString &value, ServerConfig *config, QString *error)>;

bool wholeNumber(const QString &text, qint64 min, qint64 max, qint64 *out, QString *error)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = ConfigFile::tr("wants a whole number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text);
        return false;
    }
    *out = v;
    return true;
}

Setter intSetter(int ServerConfig::*field, int min, int max)
{
    return [field, min, max](const QString &value, ServerConfig *config, QString *error) {
        qint64 v = 0;
        if (!wholeNumber(value, min, max, &v, error))
            return false;
        config->*field = int(v);
        return true;
    };
}

Setter bytesSetter(qint64 ServerConfig::*field, qint64 min, qint64 max)
{
    return [field, min, max](const QString &value, ServerConfig *config, QString *error) {
        qint64 v = 0;
        if (!wholeNumber(value, min, max, &v, error))
            return false;
        config->*field = v;
        return true;
    };
}

Setter durationSetter(int ServerConfig::*field, int min, int max)
{
    return [field, min, max](const QString &value, ServerConfig *config, QString *error) {
        return ConfigFile::parseDuration(value, min, max, &(config->*field), error);
    };
}

Setter pathSetter(QString ServerConfig::*field)
{
    return [field](const QString &value, ServerConfig *config, QString *) {
        config->*field = value;
        return true;
    };
}

struct Key
{
    const char *name;
    Setter set;
};

// In the order of the shipped server.conf.
const QList<Key> &keyTable()
{
    static const QList<Key> table {
        { "listen", [](const QString &v, ServerConfig *c, QString *e) { return c->setListen(v, e); } },
        { "data_dir", pathSetter(&ServerConfig::dataDir) },
        { "page_size", intSetter(&ServerConfig::pageSize, 1, 1000) },
        { "throttle_anon", intSetter(&ServerConfig::throttleAnon, 1, 1000000000) },
        { "throttle_user", intSetter(&ServerConfig::throttleUser, 1, 1000000000) },
        { "access_ttl", durationSetter(&ServerConfig::accessTtlSeconds, 1, 365 * 24 * 3600) },
        { "refresh_ttl", durationSetter(&ServerConfig::refreshTtlSeconds, 1, 10 * 365 * 24 * 3600) },
        { "booking_stay", intSetter(&ServerConfig::bookingStayMinutes, 1, 24 * 60) },
        { "max_body_bytes", bytesSetter(&ServerConfig::maxBodyBytes, 1024, 64 * 1024 * 1024) },
        { "events_backlog", bytesSetter(&ServerConfig::eventsBacklogBytes, 1024, 64 * 1024 * 1024) },
        { "tls_certificate", pathSetter(&ServerConfig::tlsCertificate) },
        { "tls_key", pathSetter(&ServerConfig::tlsKey) },
        { "backup_keep", intSetter(&ServerConfig::backupKeep, 0, 3650) },
        { "backup_time",
          [](const QString &v, ServerConfig *c, QString *e) { return ConfigFile::parseTimeOfDay(v, &c->backupTime, e); } },
        { "backup_dir", pathSetter(&ServerConfig::backupDir) },
        { "hash_threads", intSetter(&ServerConfig::hashThreads, 1, 64) },
        { "request_buffer_bytes", bytesSetter(&ServerConfig::requestBufferBytes, 1024 * 1024, qint64(64) * 1024 * 1024 * 1024) },
        { "max_connections_per_address", intSetter(&ServerConfig::maxConnectionsPerAddress, 1, 1000000) },
        { "public_url",
          [](const QString &v, ServerConfig *c, QString *e) {
              const QUrl url(v, QUrl::StrictMode);
              if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()
                  || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
                  *e = ConfigFile::tr("wants an address such as https://lemon.example.com, got \"%1\"").arg(v);
                  return false;
              }
              c->publicUrl = url.toString();
              while (c->publicUrl.endsWith(u'/'))
                  c->publicUrl.chop(1);
              return true;
          } },
        { "upstream",
          [](const QString &v, ServerConfig *c, QString *e) { return ServerConfig::parseUpstreamUrl(v, &c->upstream, e); } },
        { "upstream_user", pathSetter(&ServerConfig::upstreamUser) },
        { "upstream_password_file", pathSetter(&ServerConfig::upstreamPasswordFile) },
    };
    return table;
}

// The value after "=": trimmed, unquoted, comment removed. False with *error
// on an unterminated quote or text after the closing one.
bool valueOf(QString raw, QString *value, QString *error)
{
    raw = raw.trimmed();
    if (raw.startsWith(u'"')) {
        const qsizetype close = raw.indexOf(u'"', 1);
        if (close < 0) {
            *error = ConfigFile::tr("the quote is not closed");
            return false;
        }
        const QString rest = raw.mid(close + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(u'#')) {
            *error = ConfigFile::tr("unexpected text after the closing quote: \"%1\"").arg(rest);
            return false;
        }
        *value = raw.mid(1, close - 1);
        return true;
    }
    static const QRegularExpression comment(QStringLiteral("\\s#"));
    const qsizetype hash = raw.indexOf(comment);
    if (hash >= 0)
        raw.truncate(hash);
    *value = raw.trimmed();
    return true;
}

} // namespace

QStringList ConfigFile::keys()
{
    QStringList out;
    for (const Key &k : keyTable())
        out << QString::fromLatin1(k.name);
    return out;
}

QList<ConfigFile::Problem> ConfigFile::parse(QByteArrayView text, ServerConfig *config)
{
    QList<Problem> problems;
    QHash<QString, int> seen; // key → line it was first set on
    const QString all = QString::fromUtf8(text);
    const QStringList lines = all.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const qsizetype eq = trimmed.indexOf(u'=');
        if (eq < 0) {
            problems.append({ lineNo, tr("expected \"key = value\", got \"%1\"").arg(trimmed) });
            continue;
        }
        QString key = trimmed.left(eq).trimmed().toLower();
        key.replace(u'-', u'_');
        if (key.isEmpty()) {
            problems.append({ lineNo, tr("a value without a key") });
            continue;
        }
        const auto it = std::find_if(keyTable().cbegin(), keyTable().cend(),
                                     [&key](const Key &k) { return key == QLatin1String(k.name); });
        if (it == keyTable().cend()) {
            problems.append({ lineNo, tr("unknown key \"%1\" (known: %2)").arg(key, keys().join(QStringLiteral(", "))) });
            continue;
        }
        if (const auto first = seen.constFind(key); first != seen.cend()) {
            problems.append({ lineNo, tr("\"%1\" is set twice (first on line %2)").arg(key).arg(first.value()) });
            continue;
        }
        seen.insert(key, lineNo);
        QString value;
        QString error;
        if (!valueOf(trimmed.mid(eq + 1), &value, &error)) {
            problems.append({ lineNo, QStringLiteral("%1: %2").arg(key, error) });
            continue;
        }
        if (value.isEmpty()) {
            problems.append({ lineNo, tr("\"%1\" has no value (comment the line out to keep the default)").arg(key) });
            continue;
        }
        if (!it->set(value, config, &error))
            problems.append({ lineNo, QStringLiteral("%1: %2").arg(key, error) });
    }
    return problems;
}

bool ConfigFile::load(const QString &path, ServerConfig *config, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the configuration file %1: %2").arg(path, file.errorString());
        return false;
    }
    // A configuration file is small; anything huge is a wrong path.
    constexpr qint64 kMaxBytes = 1024 * 1024;
    if (file.size() > kMaxBytes) {
        *error = tr("%1 is larger than %2 bytes: is it really the configuration file?").arg(path).arg(kMaxBytes);
        return false;
    }
    const QList<Problem> problems = parse(file.readAll(), config);
    if (problems.isEmpty())
        return true;
    QStringList lines;
    for (const Problem &p : problems)
        lines << QStringLiteral("%1:%2: %3").arg(path).arg(p.line).arg(p.message);
    *error = lines.join(u'\n');
    return false;
}

bool ConfigFile::parseDuration(const QString &text, int min, int max, int *seconds, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,10})\\s*([smhd]?)$"));
    const auto m = form.match(text.trimmed());
    qint64 v = -1;
    if (m.hasMatch()) {
        v = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 factor = unit == u"m" ? 60 : unit == u"h" ? 3600 : unit == u"d" ? 86400 : 1;
        v *= factor;
    }
    if (v < min || v > max) {
        *error = tr("wants a duration from %1 to %2 seconds (\"900\", \"15m\", \"12h\", \"7d\"), got \"%3\"")
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return false;
    }
    *seconds = int(v);
    return true;
}

bool ConfigFile::parseTimeOfDay(const QString &text, QTime *time, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const auto m = form.match(text.trimmed());
    const QTime t = m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
    if (!t.isValid()) {
        *error = tr("wants a time of day as HH:MM (24-hour clock), got \"%1\"").arg(text);
        return false;
    }
    *time = t;
    return true;
}

} // namespace LittleLemon::Server
