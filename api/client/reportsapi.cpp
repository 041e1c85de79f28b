#include "api/client/reportsapi.h"

#include "models/reportjson.h"

namespace LittleLemon::Client {

namespace {

std::optional<Report> decodeReport(const RequestJob &reply, DecodeError *error)
{
    QString why;
    auto r = reportFromJson(reply.json().toObject(), &why);
    if (!r && error)
        error->message = why;
    return r;
}

std::optional<ZReportAnswer> decodeZ(const RequestJob &reply, DecodeError *error)
{
    const QJsonObject o = reply.json().toObject();
    ZReportAnswer z;
    z.number = o.value(QStringLiteral("number")).toInteger();
    z.date = QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
    z.closedAt = o.value(QStringLiteral("closed_at")).toString();
    QString why;
    auto r = reportFromJson(o.value(QStringLiteral("report")).toObject(), &why);
    if (!r || z.number <= 0 || !z.date.isValid()) {
        if (error)
            error->message = why.isEmpty() ? QStringLiteral("not a Z report") : why;
        return std::nullopt;
    }
    z.report = *r;
    return z;
}

} // namespace

namespace ReportsApi {

CallJob<Report> *report(ApiClient &client, const QDate &from, const QDate &to)
{
    Request r = Request::get(QStringLiteral("/api/reports"));
    r.query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    r.query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    return client.call<Report>(r, &decodeReport);
}

CallJob<ZReportAnswer> *close(ApiClient &client, const QDate &date)
{
    return client.call<ZReportAnswer>(
        Request::write("POST", QStringLiteral("/api/reports/close"), QJsonObject { { QStringLiteral("date"), date.toString(Qt::ISODate) } }),
        &decodeZ);
}

} // namespace ReportsApi

} // namespace LittleLemon::Client
