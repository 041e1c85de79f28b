#pragma once

#include "api/server/httperror.h"
#include "models/money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace LittleLemon::Server {

// Reads the fields of a request body the way DRF's serializer fields do:
// the same coercions (an IntegerField takes "3", a DecimalField takes 5.5),
// the same messages ("This field is required.", "A valid number is
// required."), every field checked before the errors are reported together.
// In partial mode (PATCH) absent fields are simply absent.
class FieldReader
{
public:
    FieldReader(const QJsonObject &body, bool partial);

    bool has(const QString &key) const { return m_body.contains(key); }
    // A present, non-null value or nullopt (with the error recorded when required).
    std::optional<QString> string(const QString &key, int maxLength, bool allowBlank = false);
    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max);
    std::optional<bool> boolean(const QString &key);
    std::optional<Money> money(const QString &key, int maxDigits, int decimalPlaces);
    // A related object's primary key (the existence check is the caller's).
    std::optional<qint64> primaryKey(const QString &key);
    // A nullable primary key: outer nullopt = absent or invalid, inner nullopt = null.
    std::optional<std::optional<qint64>> nullablePrimaryKey(const QString &key);

    void fail(const QString &key, const QString &message) { m_errors.add(key, message); }
    bool ok() const { return m_errors.isEmpty(); }
    bool hasError(const QString &key) const { return m_errors.has(key); }
    // 400 with every message collected, when there is one.
    void throwIfErrors() const { m_errors.throwIfAny(); }

    // The shared messages, translated.
    static QString required();
    static QString notNull();
    static QString invalidPk(const QString &value);
    static QString incorrectPkType(const QJsonValue &value);
    static QString pythonTypeName(const QJsonValue &value);

private:
    // The value to read, or nullopt when absent/null (recording required/null errors).
    std::optional<QJsonValue> present(const QString &key);

    QJsonObject m_body;
    bool m_partial;
    FieldErrors m_errors;
};

} // namespace LittleLemon::Server
