#include "api/server/listfilters.h"

#include <QRegularExpression>

namespace LittleLemon::Server::ListFilters {

QStringList searchTerms(const QString &param)
{
    QString s = param;
    s.remove(QChar(0));
    s.replace(u',', u' ');
    // Built once: compiling the pattern per request cost more than the query.
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    // A query string of thousands of words must not become a statement SQLite refuses.
    return s.split(whitespace, Qt::SkipEmptyParts).mid(0, kMaxSearchTerms);
}

} // namespace LittleLemon::Server::ListFilters
