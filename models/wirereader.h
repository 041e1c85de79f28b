#pragma once

#include "models/jsoncodec.h"
#include "models/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTime>

#include <limits>
#include <optional>

namespace LittleLemon::Json {

// How a record is read. Strict: what a server sends (Json::decode<T>); the
// first problem fails the whole record and names the field. Lenient: the
// local cache's rows (RecordJson), which may hold temporary negative ids and
// half-made records; a field of the wrong type reads as its default.
enum class Mode { Strict, Lenient };

// Reads the fields of one JSON object. The first problem is kept and every
// later read becomes a no-op, so a decoder reads all fields, then asks ok().
// In Lenient mode no read fails; only fail() does (a list drops the element).
class WireReader
{
public:
    WireReader(const QJsonValue &value, const QString &path, DecodeError *error, Mode mode = Mode::Strict);

    bool ok() const { return m_ok; }
    bool lenient() const { return m_mode == Mode::Lenient; }
    Mode mode() const { return m_mode; }
    const QJsonObject &object() const { return m_object; }
    QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    void fail(const QString &key, const QString &message);
    // Keeps an error found inside a nested value (its field path is complete).
    void fail(const DecodeError &inner);

    bool has(const QString &key) const { return m_object.contains(key); }

    // A required field that may not be null.
    QJsonValue required(const QString &key);

    qint64 integer(const QString &key, qint64 min = 0, qint64 max = std::numeric_limits<qint64>::max());
    // An optional integer: absent or null gives nullopt.
    std::optional<qint64> nullableInteger(const QString &key, qint64 min = 0);
    QString string(const QString &key, int maxLength = -1, bool allowEmpty = true);
    QString optionalString(const QString &key, int maxLength = -1);
    bool boolean(const QString &key) { return optionalBoolean(key, false, true); }
    // Absent or null gives `fallback`.
    bool optionalBoolean(const QString &key, bool fallback, bool required = false);
    Money money(const QString &key, const Money::ParseRules &rules);
    QDate date(const QString &key);
    QTime time(const QString &key);
    QDateTime dateTime(const QString &key);
    QStringList stringList(const QString &key);
    // A wire word ("preparing", "no_show") read by `fromWire`; `what` names it
    // in the error ("stage", "status"). Lenient: nullopt when unknown.
    template<typename E, typename FromWire>
    std::optional<E> word(const QString &key, FromWire fromWire, const char *what)
    {
        if (lenient())
            return fromWire(lenientString(key));
        const QString text = string(key);
        if (!m_ok)
            return std::nullopt;
        const std::optional<E> value = fromWire(text);
        if (!value)
            fail(key, QStringLiteral("unknown %1 \"%2\"").arg(QLatin1String(what), text.left(40)));
        return value;
    }

    static QString typeName(const QJsonValue &v);

private:
    qint64 toInteger(const QString &key, const QJsonValue &v, qint64 min, qint64 max);
    QString toString(const QString &key, const QJsonValue &v, int maxLength, bool allowEmpty);
    QString lenientString(const QString &key) const;

    QJsonObject m_object;
    QString m_path;
    DecodeError *m_error;
    Mode m_mode;
    bool m_ok = true;
};

// The lenient reading of an id: a whole number, else `fallback`.
qint64 lenientId(const QJsonValue &value, qint64 fallback = 0);

} // namespace LittleLemon::Json
