#include "api/server/reportcontroller.h"

#include "api/server/database.h"
#include "api/server/pagination.h"
#include "api/server/reportstorage.h"
#include "api/server/serverstorage.h"
#include "models/reportjson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace LittleLemon::Server {

namespace {

// "YYYY-MM-DD" and a real day; otherwise 400 {"field": ["..."]}.
QDate readDay(const QString &field, const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!d.isValid()) {
        throw HttpError::field(field, QCoreApplication::translate(
                                          "LittleLemon::Server", "Enter a day as YYYY-MM-DD, such as 2026-03-28 (got \"%1\").")
                                          .arg(text.left(40)));
    }
    return d;
}

QJsonObject zJson(const ZReport &z)
{
    return QJsonObject { { QStringLiteral("number"), z.number },
                         { QStringLiteral("date"), z.date.toString(Qt::ISODate) },
                         { QStringLiteral("closed_at"), z.closedAt },
                         { QStringLiteral("closed_by"), z.closedBy },
                         { QStringLiteral("report"), z.report } };
}

HttpError frozen()
{
    return HttpError::detail(405, QCoreApplication::translate(
                                             "LittleLemon::Server",
                                             "A Z report is final: a closed day cannot be changed or deleted. A later "
                                             "change to one of its orders shows as a correction in the next open day's report."));
}

} // namespace

void ReportController::registerRoutes(Router &router)
{
    using M = Request::Method;
    const QString reports = QStringLiteral("/api/reports");
    const QString close = QStringLiteral("/api/reports/close");
    const QString zList = QStringLiteral("/api/reports/z");
    const QString zItem = QStringLiteral("/api/reports/z/{id}");
    router.add(reports, Router::Access::Authenticated);
    router.on(reports, M::Get, [this](RequestContext &c) { return report(c); });
    router.add(close, Router::Access::Authenticated);
    router.on(close, M::Post, [this](RequestContext &c) { return this->close(c); });
    router.add(zList, Router::Access::Authenticated);
    router.on(zList, M::Get, [this](RequestContext &c) { return list(c); });
    router.add(zItem, Router::Access::Authenticated);
    router.on(zItem, M::Get, [this](RequestContext &c) { return retrieve(c); });
    for (M m : { M::Put, M::Patch, M::Delete }) {
        router.on(zItem, m, [](RequestContext &c) -> Response {
            require(c, &Permissions::seeReports);
            throw frozen();
        });
    }
    // Those three are here only to say why not: the Z is read-only.
    router.route(zItem)->allow = "GET, HEAD, OPTIONS";
}

Response ReportController::report(RequestContext &context)
{
    require(context, &Permissions::seeReports);
    const Request &request = context.request();
    const QDate from = readDay(QStringLiteral("from"), request.queryValue(u"from"));
    const QString toText = request.queryValue(u"to");
    const QDate to = toText.isEmpty() ? from : readDay(QStringLiteral("to"), toText);
    if (to < from)
        throw HttpError::field(QStringLiteral("to"), tr("The last day comes before the first."));
    if (from.daysTo(to) >= kMaxDays)
        throw HttpError::field(QStringLiteral("to"), tr("A report covers at most %1 days.").arg(kMaxDays));
    ReportStorage storage(m_storage.database());
    const Report figures = computeReport(input(from, to));
    QJsonObject body = reportToJson(figures);
    QJsonArray closed;
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        if (const auto z = storage.zReportOf(d))
            closed.append(QJsonObject { { QStringLiteral("date"), d.toString(Qt::ISODate) },
                                        { QStringLiteral("number"), z->number } });
        if (closed.size() > kMaxDays)
            break;
    }
    body.insert(QStringLiteral("closed"), closed);
    return Response::json(200, body);
}

ReportInput ReportController::input(const QDate &from, const QDate &to)
{
    if (!m_reader)
        m_reader = std::make_unique<ReportReader>(m_storage.database().path());
    return m_reader->read(from, to, QTimeZone::systemTimeZone());
}

Response ReportController::close(RequestContext &context)
{
    const User &user = require(context, &Permissions::seeReports);
    const QJsonValue dateValue = context.object().value(QStringLiteral("date"));
    if (dateValue.isUndefined() || dateValue.isNull())
        throw HttpError::field(QStringLiteral("date"), tr("This field is required."));
    const QDate date = readDay(QStringLiteral("date"), dateValue.toString());
    if (date > QDate::currentDate())
        throw HttpError::field(QStringLiteral("date"), tr("%1 has not begun yet: only today or an earlier day can be closed.")
                                                           .arg(date.toString(Qt::ISODate)));
    ReportStorage storage(m_storage.database());
    if (const auto z = storage.zReportOf(date)) {
        throw HttpError::detail(409, tr("%1 is already closed (Z report No. %2); a Z report is never changed. "
                                        "Later changes to its orders show as corrections in the next open day's report.")
                                         .arg(date.toString(Qt::ISODate))
                                         .arg(z->number));
    }
    QJsonObject figures = reportToJson(computeReport(input(date, date)));
    try {
        return Response::json(201, zJson(storage.close(date, user.id, figures)));
    } catch (const StorageError &e) {
        if (e.kind() != StorageError::Kind::Constraint)
            throw;
        throw HttpError::detail(409, tr("%1 is already closed; a Z report is never changed.").arg(date.toString(Qt::ISODate)));
    }
}

Response ReportController::list(RequestContext &context)
{
    require(context, &Permissions::seeReports);
    ReportStorage storage(m_storage.database());
    const QString dateText = context.request().queryValue(u"date");
    if (!dateText.isEmpty()) {
        const auto z = storage.zReportOf(readDay(QStringLiteral("date"), dateText));
        QJsonArray one;
        if (z)
            one.append(zJson(*z));
        return PageWindow::resolve(context, one.size(), m_config.pageSize).respond(context, one);
    }
    const PageWindow w = PageWindow::resolve(context, storage.zReportCount(), m_config.pageSize);
    QJsonArray rows;
    for (const ZReport &z : storage.zReports(w.offset, w.limit))
        rows.append(zJson(z));
    return w.respond(context, rows);
}

Response ReportController::retrieve(RequestContext &context)
{
    require(context, &Permissions::seeReports);
    const auto z = ReportStorage(m_storage.database()).zReport(context.id());
    if (!z)
        throw HttpError::notFound();
    return Response::json(200, zJson(*z));
}

} // namespace LittleLemon::Server
