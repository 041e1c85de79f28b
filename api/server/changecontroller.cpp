#include "api/server/changecontroller.h"

#include "api/server/changelog.h"
#include "api/server/jsonwriter.h"
#include "api/server/serverstorage.h"

namespace LittleLemon::Server {

namespace {
// A whole number from the query in [min, max], or 400 on the field.
qint64 readNumber(const RequestContext &context, QStringView name, qint64 fallback, qint64 min, qint64 max)
{
    const QString text = context.request().queryValue(name);
    if (text.isNull())
        return fallback;
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok)
        throw HttpError::field(name.toString(), QCoreApplication::translate("LittleLemon::Server",
                                                                            "A valid integer is required."));
    if (n < min || n > max) {
        throw HttpError::field(name.toString(), QCoreApplication::translate("LittleLemon::Server",
                                                                            "Ensure this value is from %1 to %2.")
                                                    .arg(min)
                                                    .arg(max));
    }
    return n;
}
} // namespace

void ChangeController::registerRoutes(Router &router)
{
    const QString path = QStringLiteral("/api/changes");
    router.add(path, Router::Access::Authenticated);
    router.on(path, Request::Method::Get, [this](RequestContext &c) { return list(c); });
}

Response ChangeController::list(RequestContext &context)
{
    const User &user = context.requireUser();
    const qint64 since = readNumber(context, u"since", 0, 0, std::numeric_limits<qint64>::max());
    const int limit = int(readNumber(context, u"limit", kDefaultLimit, 1, kMaxLimit));
    ChangeLog &log = m_storage.changes();
    const qint64 latest = log.latest();
    if (since > latest) {
        throw HttpError::field(QStringLiteral("since"),
                               tr("The change log ends at %1; this client's copy is from another database. "
                                  "Read everything again from 0.")
                                   .arg(latest));
    }
    const ChangeViewer viewer = ChangeViewer::of(user);
    qint64 next = since;
    const QList<ChangeLog::Entry> entries = log.read(viewer, since, limit, &next);

    JsonWriter w;
    w.beginObject().key("changes").beginArray();
    for (const ChangeLog::Entry &e : entries) {
        const auto asDelete = ChangeLog::visibleAsDelete(viewer, e);
        if (!asDelete)
            continue;
        w.beginObject()
            .key("seq").value(e.seq)
            .key("entity").value(QString::fromLatin1(ChangeLog::wireName(e.kind)))
            .key("id").value(e.rowId)
            .key("op").value(*asDelete ? QStringLiteral("delete") : QStringLiteral("upsert"));
        if (!*asDelete)
            w.key("data").raw(e.data);
        w.endObject();
    }
    w.endArray().key("next").value(next).endObject();
    return Response::jsonBytes(200, w.take());
}

} // namespace LittleLemon::Server
