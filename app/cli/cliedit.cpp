#include "cliapp.h"

#include "clicommon.h"

#include "models/localstore.h"
#include "models/orderworkflow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace LittleLemon::Cli {

// ---- edits --------------------------------------------------------------------------

void CliApp::edit()
{
    const QStringList &a = m_options.args;
    const QString command = a.value(0);
    const QString verb = a.value(1);
    auto usage = [this](const QString &line) { finish(Usage, tr("usage: littlelemon-cli %1").arg(line)); };
    const bool known = (command == u"menu" && (verb == u"set-price" || verb == u"set-available"))
        || (command == u"orders" && (verb == u"set-stage" || verb == u"assign"));
    if (!known) {
        finish(Usage, tr("Unknown command \"%1\". See littlelemon-cli --help.").arg(a.join(u' ')));
        return;
    }
    if (a.size() != 4) {
        if (verb == u"set-price")
            usage(QStringLiteral("menu set-price ID PRICE"));
        else if (verb == u"set-available")
            usage(QStringLiteral("menu set-available ID yes|no"));
        else if (verb == u"set-stage")
            usage(QStringLiteral("orders set-stage ID STAGE"));
        else
            usage(QStringLiteral("orders assign ID USER|none"));
        return;
    }
    const auto id = positiveId(a.at(2));
    if (!id) {
        finish(Usage, tr("\"%1\" is not a record id.").arg(a.at(2)));
        return;
    }
    if (!loadProfile() || !openStore())
        return;
    // The server's rules, asked before the edit is queued (a refused edit
    // would only wait in the outbox to be refused): who signed in is known
    // from the last sync; before any, the server decides.
    const User me = m_store->cache()->currentUser();
    const Permissions who(me, m_store->cache()->serverFeatures(), false);
    auto refused = [&](const Verdict &verdict) {
        if (me.id <= 0 || verdict)
            return false;
        finish(Refused, verdict.reason);
        return true;
    };

    LocalEdit result;
    if (command == u"menu") {
        if (!m_store->cache()->menuItem(*id)) {
            finish(NotFound, tr("There is no menu item %1 in the local copy (run sync first?).").arg(*id));
            return;
        }
        if (refused(who.editMenu()))
            return;
        if (verb == u"set-price") {
            QString why;
            const auto price = Money::parseInput(a.at(3), QLocale::c(), Money::MenuPrice, &why);
            if (!price) {
                finish(Usage, tr("\"%1\" is not a price: %2").arg(a.at(3), why));
                return;
            }
            result = m_store->outbox()->setMenuItemPrice(*id, *price);
        } else {
            const auto available = yesNo(a.at(3));
            if (!available) {
                finish(Usage, tr("say yes or no, not \"%1\"").arg(a.at(3)));
                return;
            }
            if (refused(who.eightySix()))
                return;
            result = m_store->outbox()->setMenuItemAvailable(*id, *available);
        }
    } else {
        const auto order = m_store->cache()->order(*id);
        if (!order) {
            finish(NotFound, tr("There is no order %1 in the local copy (run sync first?).").arg(*id));
            return;
        }
        if (verb == u"set-stage") {
            const auto stage = orderStageFromWire(a.at(3).toLower());
            if (!stage) {
                finish(Usage, tr("\"%1\" is not a stage: received, preparing, ready, out_for_delivery, delivered, "
                                 "cancelled")
                                  .arg(a.at(3)));
                return;
            }
            const Order &o = order->record;
            const bool byStaff = o.user == me.id || !m_store->cache()->userName(o.user).isEmpty();
            const OrderMove move { o.effectiveStage(), *stage, isServedHere(o.deliveryCrew, byStaff),
                                   stageBeforeCancel(o) };
            if (refused(mayMove(who, move)))
                return;
            result = m_store->outbox()->setOrderStage(*id, *stage);
        } else {
            if (refused(who.assignCrew()))
                return;
            std::optional<qint64> crew;
            const QString name = a.at(3);
            if (name.compare(QStringLiteral("none"), Qt::CaseInsensitive) != 0) {
                crew = positiveId(name);
                if (!crew) {
                    const auto names = m_store->cache()->userNames();
                    for (auto it = names.constBegin(); it != names.constEnd(); ++it)
                        if (it.value().compare(name, Qt::CaseInsensitive) == 0)
                            crew = it.key();
                }
                if (!crew) {
                    finish(NotFound, tr("No user \"%1\" is known here; give a user id.").arg(name));
                    return;
                }
            }
            result = m_store->outbox()->assignDeliveryCrew(*id, crew);
        }
    }
    if (!result) {
        finish(Usage, result.error);
        return;
    }
    const qint64 seq = result.seq;
    const qint64 recordId = result.id;
    refresh([this, seq, recordId](int code, const QString &message) { reportEntry(seq, recordId, code, message); });
}

void CliApp::reportEntry(qint64 seq, qint64 id, int syncCode, const QString &syncMessage)
{
    const auto entry = seq > 0 ? m_store->outbox()->entry(seq) : std::nullopt;
    QJsonObject data { { QStringLiteral("seq"), seq }, { QStringLiteral("id"), id } };
    if (!entry) {
        data.insert(QStringLiteral("state"), QStringLiteral("done"));
        finish(Ok, tr("Done: the server has it."), data);
        return;
    }
    data.insert(QStringLiteral("state"), stateWireName(entry->state));
    data.insert(QStringLiteral("uuid"), entry->uuid);
    switch (entry->state) {
    case OutboxEntry::State::Failed:
        data.insert(QStringLiteral("error"), entry->lastError);
        finish(Refused, tr("The server refused it: %1").arg(entry->lastError), data);
        return;
    case OutboxEntry::State::Conflict:
        data.insert(QStringLiteral("error"), entry->lastError);
        data.insert(QStringLiteral("server_value"), entry->serverValue);
        finish(Conflict,
               tr("%1 Resolve with: littlelemon-cli outbox resolve %2 mine|theirs").arg(entry->lastError).arg(seq),
               data);
        return;
    default:
        break;
    }
    const int code = syncCode == Ok ? Offline : syncCode;
    finish(code, tr("Queued (outbox entry %1): %2").arg(seq).arg(syncMessage.isEmpty() ? tr("not sent yet.") : syncMessage),
           data);
}

// ---- outbox -------------------------------------------------------------------------

void CliApp::outbox()
{
    const QStringList &a = m_options.args;
    const QString verb = a.value(1);
    const bool resolve = verb == u"resolve" && a.size() == 4;
    if (!((verb == u"retry" || verb == u"discard") && a.size() == 3) && !resolve) {
        finish(Usage, tr("usage: littlelemon-cli outbox list | outbox retry SEQ | outbox discard SEQ | "
                         "outbox resolve SEQ mine|theirs"));
        return;
    }
    const auto seq = positiveId(a.at(2));
    if (!seq) {
        finish(Usage, tr("\"%1\" is not an outbox entry number.").arg(a.at(2)));
        return;
    }
    if (resolve && a.at(3) != u"mine" && a.at(3) != u"theirs") {
        finish(Usage, tr("resolve takes mine or theirs, not \"%1\"").arg(a.at(3)));
        return;
    }
    if (!loadProfile() || !openStore())
        return;
    const auto entry = m_store->outbox()->entry(*seq);
    if (!entry) {
        finish(NotFound, tr("There is no outbox entry %1.").arg(*seq));
        return;
    }
    bool ok = false;
    bool send = true;
    if (verb == u"discard") {
        ok = m_store->outbox()->discard(*seq);
        send = false;
    } else if (verb == u"retry") {
        ok = m_store->outbox()->retry(*seq);
    } else if (a.at(3) == u"mine") {
        ok = m_store->outbox()->resolveKeepMine(*seq);
    } else {
        ok = m_store->outbox()->resolveTakeTheirs(*seq);
        send = false;
    }
    if (!ok) {
        finish(Usage, m_store->errorString());
        return;
    }
    if (!send) {
        finish(Ok, tr("Outbox entry %1 dropped; the local copy shows the server's value.").arg(*seq));
        return;
    }
    const qint64 target = entry->targetId;
    refresh([this, seq, target](int code, const QString &message) { reportEntry(*seq, target, code, message); });
}

} // namespace LittleLemon::Cli
