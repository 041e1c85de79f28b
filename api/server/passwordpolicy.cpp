#include "api/server/passwordpolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace LittleLemon::Server {

namespace {
// The context lupdate gives these strings: the desk shows them in its
// account dialogs (standalone mode) and translates them.
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Server::PasswordPolicy", text);
}

// difflib.SequenceMatcher(a, b).quick_ratio(): 2 * (multiset intersection) / (len a + len b).
double quickRatio(const QString &a, const QString &b)
{
    if (a.isEmpty() && b.isEmpty())
        return 1.0;
    QHash<QChar, int> counts;
    for (QChar c : b)
        ++counts[c];
    int matches = 0;
    for (QChar c : a) {
        auto it = counts.find(c);
        if (it != counts.end() && it.value() > 0) {
            --it.value();
            ++matches;
        }
    }
    return 2.0 * matches / double(a.size() + b.size());
}

// UserAttributeSimilarityValidator with max_similarity 0.7.
bool tooSimilar(const QString &passwordLower, const QString &value)
{
    if (value.isEmpty())
        return false;
    constexpr double maxSimilarity = 0.7;
    const QString lower = value.toLower();
    static const QRegularExpression nonWord(QStringLiteral("\\W+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList parts = lower.split(nonWord);
    parts << lower;
    for (const QString &part : parts) {
        // exceeds_maximum_length_ratio(): a long password cannot be "similar" to a tiny part.
        const double bound = maxSimilarity / 2 * passwordLower.size();
        if (passwordLower.size() >= 10 * part.size() && part.size() < bound)
            continue;
        if (quickRatio(passwordLower, part) >= maxSimilarity)
            return true;
    }
    return false;
}

// The head of Django's common-passwords list (the full list is 20,000 entries).
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list {
        QStringLiteral("password"),  QStringLiteral("password1"), QStringLiteral("password123"),
        QStringLiteral("12345678"),  QStringLiteral("123456789"), QStringLiteral("1234567890"),
        QStringLiteral("qwerty123"), QStringLiteral("qwertyuiop"), QStringLiteral("iloveyou"),
        QStringLiteral("sunshine"),  QStringLiteral("princess"),  QStringLiteral("football"),
        QStringLiteral("baseball"),  QStringLiteral("welcome1"),  QStringLiteral("abc12345"),
        QStringLiteral("trustno1"),  QStringLiteral("superman"),  QStringLiteral("starwars"),
        QStringLiteral("whatever"),  QStringLiteral("passw0rd"),  QStringLiteral("letmein1"),
        QStringLiteral("michelle"),  QStringLiteral("computer"),  QStringLiteral("internet"),
        QStringLiteral("1qaz2wsx"),  QStringLiteral("zaq12wsx"),  QStringLiteral("qwerty12"),
        QStringLiteral("11111111"),  QStringLiteral("00000000"),  QStringLiteral("87654321"),
        QStringLiteral("asdfghjkl"), QStringLiteral("littlelemon"), QStringLiteral("lemonade"),
    };
    return list;
}
} // namespace

QStringList PasswordPolicy::problems(const QString &password, const QString &username, const QString &email)
{
    QStringList out;
    const QString lower = password.toLower();
    if (tooSimilar(lower, username))
        out << tr("The password is too similar to the username.");
    else if (tooSimilar(lower, email))
        out << tr("The password is too similar to the email address.");
    if (password.size() < kMinLength)
        out << tr("This password is too short. It must contain at least %1 characters.").arg(kMinLength);
    if (commonPasswords().contains(lower.trimmed()))
        out << tr("This password is too common.");
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    if (digits.match(password).hasMatch())
        out << tr("This password is entirely numeric.");
    return out;
}

} // namespace LittleLemon::Server
