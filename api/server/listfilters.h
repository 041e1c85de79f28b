#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace LittleLemon::Server {

// DRF's SearchFilter and OrderingFilter as the cloud runs them, once for
// every list (categories, menu items, orders).
namespace ListFilters {

// ?search=: NULs dropped, commas are spaces, split on whitespace, at most
// kMaxSearchTerms terms (each is one more clause in the statement).
constexpr qsizetype kMaxSearchTerms = 32;
QStringList searchTerms(const QString &param);

// ?ordering=a,b: the first term that names an allowed ordering wins;
// unknown terms are ignored; none: nullopt (the list's default order).
template<typename Ordering, size_t N>
std::optional<Ordering> ordering(const QString &param, const std::pair<const char16_t *, Ordering> (&allowed)[N])
{
    for (const QString &term : param.split(u',', Qt::SkipEmptyParts)) {
        const QString t = term.trimmed();
        for (const auto &[name, value] : allowed) {
            if (t == QStringView(name))
                return value;
        }
    }
    return std::nullopt;
}

} // namespace ListFilters

} // namespace LittleLemon::Server
