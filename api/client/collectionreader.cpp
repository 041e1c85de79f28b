#include "api/client/collectionreader.h"

#include "api/client/apiclient.h"

#include <QJsonArray>

namespace LittleLemon::Client {

namespace {
// Each record must be an object; it is kept as the server wrote it.
std::optional<QList<QJsonObject>> objects(const QJsonValue &records, DecodeError *error, const QString &path)
{
    if (!records.isArray()) {
        *error = { path, QStringLiteral("expected a list") };
        return std::nullopt;
    }
    const QJsonArray array = records.toArray();
    QList<QJsonObject> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = { path + u'[' + QString::number(i) + u']', QStringLiteral("expected an object") };
            return std::nullopt;
        }
        out.append(array.at(i).toObject());
    }
    return out;
}
} // namespace

CollectionReader::CollectionReader(ApiClient *client, const Request &first, QObject *parent)
    : PagedJob<QJsonObject>(client ? client->sender() : RequestSender(),
                            client ? client->endpoint() : ServerEndpoint(), &objects, parent)
    , m_first(first)
{
}

} // namespace LittleLemon::Client
