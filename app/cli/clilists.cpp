#include "cliapp.h"

#include "clicommon.h"

#include "api/client/outboxrequest.h"
#include "api/client/tokenstore.h"
#include "models/localstore.h"
#include "models/recordfields.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

namespace LittleLemon::Cli {

namespace {

// The record fields a --json row carries, written by the record's field
// table (models/recordfields); the rows add names and the sync state.
const QStringList kOrderRowKeys { QStringLiteral("id"), QStringLiteral("date"), QStringLiteral("user"),
                                  QStringLiteral("total"), QStringLiteral("stage"), QStringLiteral("status"),
                                  QStringLiteral("delivery_crew"), QStringLiteral("note") };
const QStringList kBookingRowKeys { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("date"),
                                    QStringLiteral("time"), QStringLiteral("guests"), QStringLiteral("table"),
                                    QStringLiteral("status") };

// The order a summary row stands for, without its lines; the stage as shown.
Order orderOf(const OrderSummary &s)
{
    Order o;
    o.id = s.id;
    o.user = s.user;
    o.deliveryCrew = s.deliveryCrew;
    o.status = s.status;
    o.total = s.total;
    o.date = s.date;
    o.stage = s.effectiveStage();
    o.note = s.note;
    return o;
}

} // namespace

// ---- lists --------------------------------------------------------------------------

void CliApp::list(const QString &what)
{
    if (!loadProfile() || !openStore())
        return;
    auto print = [this, what](int code, const QString &message) {
        QJsonArray data;
        QList<QStringList> rows;
        QStringList headers;
        if (what == u"menu") {
            headers = { tr("ID"), tr("TITLE"), tr("PRICE"), tr("FEATURED"), tr("AVAILABLE"), tr("CATEGORY"), tr("SYNC") };
            // Names where a person reads them; --json keeps the ids and adds the names.
            QHash<qint64, QString> categories;
            for (const auto &c : m_store->cache()->categories())
                categories.insert(c.record.id, c.record.title);
            for (const auto &m : m_store->cache()->menuItems()) {
                const MenuItem &r = m.record;
                QJsonObject row = Json::encode(r);
                row.insert(QStringLiteral("category_title"), categories.value(r.category));
                row.insert(QStringLiteral("sync"), syncWord(m.sync));
                data.append(row);
                rows << QStringList { QString::number(r.id), r.title, r.price.toString(), r.featured ? tr("yes") : tr("no"),
                                      r.available ? tr("yes") : tr("no"),
                                      categories.value(r.category, QString::number(r.category)), syncWord(m.sync) };
            }
        } else if (what == u"orders") {
            headers = { tr("ID"), tr("DATE"), tr("USER"), tr("TOTAL"), tr("STAGE"), tr("CREW"), tr("ITEMS"), tr("SYNC") };
            // Staff by name (the groups this account may read); customers stay "#id".
            const QHash<qint64, QString> names = m_store->cache()->userNames();
            auto who = [&names](qint64 id) { return names.value(id, u'#' + QString::number(id)); };
            for (const OrderSummary &o : m_store->cache()->orderSummaries()) {
                const OrderStage stage = o.effectiveStage();
                if (m_options.open && isFinal(stage))
                    continue;
                QJsonObject row = Json::encodeFields(orderOf(o), Json::Flavor::Extended, kOrderRowKeys);
                row.insert(QStringLiteral("delivery_crew_name"),
                           o.deliveryCrew ? QJsonValue(names.value(*o.deliveryCrew)) : QJsonValue());
                row.insert(QStringLiteral("items"), o.itemsSummary); // the summary, not the lines
                row.insert(QStringLiteral("sync"), syncWord(o.sync));
                data.append(row);
                rows << QStringList { QString::number(o.id), o.date.toString(Qt::ISODate), who(o.user),
                                      o.total.toString(), toWire(stage),
                                      o.deliveryCrew ? who(*o.deliveryCrew) : QStringLiteral("-"),
                                      o.itemsSummary, syncWord(o.sync) };
            }
        } else if (what == u"bookings") {
            const QDate date = m_options.date.isEmpty() ? QDate::currentDate()
                                                        : QDate::fromString(m_options.date, Qt::ISODate);
            headers = { tr("ID"), tr("DATE"), tr("TIME"), tr("NAME"), tr("GUESTS"), tr("TABLE"), tr("STATUS"), tr("SYNC") };
            for (const auto &b : m_store->cache()->bookingsOn(date)) {
                const Booking &r = b.record;
                QJsonObject row = Json::encodeFields(r, Json::Flavor::Extended, kBookingRowKeys);
                row.insert(QStringLiteral("sync"), syncWord(b.sync));
                data.append(row);
                rows << QStringList { QString::number(r.id), r.date.toString(Qt::ISODate),
                                      r.time.toString(QStringLiteral("HH:mm")), r.name, QString::number(r.guests),
                                      r.table ? QString::number(*r.table) : QStringLiteral("-"), toWire(r.status),
                                      syncWord(b.sync) };
            }
            if (!m_store->cache()->hasFeature(QStringLiteral("bookings")) && m_store->cache()->lastSyncTime().isValid() && !m_options.json)
                QTextStream(stderr) << tr("Note: this server keeps no bookings; only bookings made here are shown.")
                                    << Qt::endl;
        } else {
            headers = { tr("SEQ"), tr("STATE"), tr("TRIES"), tr("REQUEST"), tr("CHANGE"), tr("SERVER SAID") };
            for (const OutboxEntry &e : m_store->outbox()->entries()) {
                const QString method = QString::fromLatin1(Client::OutboxRequest::method(e));
                const QString path = Client::OutboxRequest::path(e);
                data.append(QJsonObject { { QStringLiteral("seq"), e.seq }, { QStringLiteral("uuid"), e.uuid },
                                          { QStringLiteral("state"), stateWireName(e.state) },
                                          { QStringLiteral("attempts"), e.attempts },
                                          { QStringLiteral("method"), method }, { QStringLiteral("path"), path },
                                          { QStringLiteral("summary"), e.summary },
                                          { QStringLiteral("error"), e.lastError },
                                          { QStringLiteral("server_value"), e.serverValue },
                                          { QStringLiteral("created_at"), isoUtc(e.createdAt) } });
                rows << QStringList { QString::number(e.seq), stateWireName(e.state), QString::number(e.attempts),
                                      method + u' ' + path, e.summary, e.lastError };
            }
        }
        if (!m_options.json) {
            printTable(headers, rows);
            if (code != Ok && !message.isEmpty())
                QTextStream(stderr) << message << u' '
                                    << tr("Shown: the local copy of %1.")
                                           .arg(m_store->cache()->lastSyncTime().isValid()
                                                    ? m_store->cache()->lastSyncTime().toLocalTime().toString(Qt::ISODate)
                                                    : tr("never"))
                                    << Qt::endl;
            finish(code);
        } else {
            finish(code, message, data);
        }
    };
    if (what == u"outbox") {
        print(Ok, QString());
        return;
    }
    refresh([this, print](int code, const QString &message) {
        // No keychain: the sign-in could not be kept, but the list asked for
        // is shown (the local copy) and the reason goes to stderr; a script
        // reading a list has what it asked for (exit 0).
        if (code == Auth && (Client::TokenStore::usingMemoryFallback()
                             || !QSettings().value(kProfileKeychain, true).toBool())) {
            QTextStream(stderr) << message << Qt::endl;
            print(Ok, QString());
            return;
        }
        print(code == Usage ? Offline : code, message);
    });
}

} // namespace LittleLemon::Cli
