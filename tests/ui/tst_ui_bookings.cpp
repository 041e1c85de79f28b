// The bookings day view against a real in-process server: today's bookings
// by time with the tables' strip; a booking the server refuses for capacity,
// its words shown in the dialog, fixed there and accepted; seat, done,
// no-show and cancel; other days. Against a server without bookings the
// page explains instead.

#include "deskfixture.h"

#include "models/bookingsmodel.h"
#include "ui/bookingdialog.h"
#include "ui/bookingspage.h"
#include "ui/tableoccupancystrip.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace LittleLemon;
using namespace LittleLemon::Test;

class TestUiBookings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ourServerShowsBookingsNotAnExplanation();
    void todaysBookingsByTime();
    void bookingRefusedForCapacityShowsTheServersWords();
    void seatDoneNoShowCancel();
    void otherDays();

private:
    Ui::BookingsPage *page() const;
    bool hasBookings() const;
    qint64 tableId(const QString &name) const;
    qint64 bookingOf(const QString &name) const;

    std::unique_ptr<DeskFixture> m_desk;
};

Ui::BookingsPage *TestUiBookings::page() const
{
    return qobject_cast<Ui::BookingsPage *>(m_desk->window()->page(Ui::MainWindow::BookingsPageId));
}

bool TestUiBookings::hasBookings() const
{
    return m_desk->workspace()->hasFeature(QStringLiteral("bookings"))
        && m_desk->workspace()->hasFeature(QStringLiteral("tables"));
}

qint64 TestUiBookings::tableId(const QString &name) const
{
    for (const auto &t : m_desk->store()->cache()->tables()) {
        if (t.record.name == name)
            return t.record.id;
    }
    return 0;
}

qint64 TestUiBookings::bookingOf(const QString &name) const
{
    for (const auto &b : m_desk->store()->cache()->bookingsOn(page()->date())) {
        if (b.record.name == name)
            return b.record.id;
    }
    return 0;
}

void TestUiBookings::initTestCase()
{
    m_desk = std::make_unique<DeskFixture>();
    QVERIFY2(m_desk->startServer(), qPrintable(m_desk->errorString()));
    QVERIFY2(m_desk->signIn(QStringLiteral("mario"), DeskFixture::kManagerPassword), qPrintable(m_desk->errorString()));
    m_desk->window()->showPage(Ui::MainWindow::BookingsPageId);
    QCOMPARE(m_desk->window()->currentPage(), int(Ui::MainWindow::BookingsPageId));
}

void TestUiBookings::cleanupTestCase()
{
    m_desk.reset();
}

void TestUiBookings::ourServerShowsBookingsNotAnExplanation()
{
    // Our server keeps bookings: the page lists them and offers to book. (A
    // server without them, the cloud, gets the explanation instead:
    // tst_ui_cloud checks that against the cloud's own code.)
    QVERIFY2(hasBookings(), "littlelemon-server no longer lists the \"bookings\" extension");
    QVERIFY(!page()->isExplaining());
}

void TestUiBookings::todaysBookingsByTime()
{
    QVERIFY2(hasBookings(), "littlelemon-server no longer lists the \"bookings\" extension");
    Ui::BookingsPage *bookings = page();
    QCOMPARE(bookings->date(), QDate::currentDate());
    QTableView *view = bookings->view();
    // The demo's seven bookings of today, by time.
    QCOMPARE(view->model()->rowCount(), 7);
    QTime last(0, 0);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QTime t = view->model()->index(row, 0).data(BookingsModel::TimeRole).toTime();
        QVERIFY(t >= last);
        last = t;
    }
    QCOMPARE(bookings->strip()->blockCount(), 7);
}

void TestUiBookings::bookingRefusedForCapacityShowsTheServersWords()
{
    QVERIFY2(hasBookings(), "littlelemon-server no longer lists the \"bookings\" extension");
    Ui::BookingsPage *bookings = page();
    const int before = bookings->model()->rowCount();
    Ui::BookingDialog *dialog = bookings->newBooking();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->nameField()->setText(QStringLiteral("Big Party"));
    dialog->phoneField()->setText(QStringLiteral("312-555-0177"));
    dialog->timeField()->setTime(QTime(15, 0));
    dialog->guestsField()->setValue(6);
    // T1 seats two.
    QVERIFY(dialog->chooseTable(tableId(QStringLiteral("T1"))));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY(dialog->isWaiting());

    // The server's refusal, in its words, in the dialog, which stays open.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 15000);
    QVERIFY2(dialog->errorText().startsWith(QStringLiteral("The server refused this booking: ")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().size() > QStringLiteral("The server refused this booking: ").size() + 5);
    QVERIFY(dialog->isVisible());
    QCOMPARE(bookings->model()->rowCount(), before);

    // Fixed in place: the terrace seats eight.
    QVERIFY(dialog->chooseTable(tableId(QStringLiteral("Terrace"))));
    dialog->timeField()->setTime(QTime(15, 0));
    QPointer<Ui::BookingDialog> guard(dialog);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 15000);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(bookings->model()->rowCount(), before + 1);
    // Nothing refused is left waiting.
    QCOMPARE(m_desk->engine()->failedCount(), 0);
    const qint64 id = bookingOf(QStringLiteral("Big Party"));
    QVERIFY(id > 0);
    const QJsonObject onServer = m_desk->serverGet(QStringLiteral("/api/bookings/%1").arg(id));
    QCOMPARE(onServer.value(QStringLiteral("table")).toInteger(), tableId(QStringLiteral("Terrace")));
    QCOMPARE(onServer.value(QStringLiteral("guests")).toInt(), 6);
}

void TestUiBookings::seatDoneNoShowCancel()
{
    QVERIFY2(hasBookings(), "littlelemon-server no longer lists the \"bookings\" extension");
    Ui::BookingsPage *bookings = page();
    const qint64 seated = bookingOf(QStringLiteral("Adrian Gomez"));
    QVERIFY(bookings->selectBooking(seated));
    auto press = [&](const QString &text) {
        for (QPushButton *b : bookings->findChildren<QPushButton *>()) {
            if (b->text() == text) {
                QVERIFY2(b->isEnabled(), qPrintable(b->toolTip()));
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button ") + text));
    };
    auto serverStatus = [&](qint64 id) {
        return m_desk->serverGet(QStringLiteral("/api/bookings/%1").arg(id)).value(QStringLiteral("status")).toString();
    };
    press(QStringLiteral("Seat"));
    QCOMPARE(m_desk->store()->cache()->booking(seated)->record.status, BookingStatus::Seated);
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverStatus(seated), QStringLiteral("seated"));
    // Seated: no more no-show or cancel, but done.
    for (QPushButton *b : bookings->findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("No-show") || b->text() == QStringLiteral("Cancel booking"))
            QVERIFY(!b->isEnabled());
    }
    press(QStringLiteral("Done"));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverStatus(seated), QStringLiteral("completed"));

    const qint64 noShow = bookingOf(QStringLiteral("Sam Patel"));
    QVERIFY(bookings->selectBooking(noShow));
    press(QStringLiteral("No-show"));
    const qint64 cancelled = bookingOf(QStringLiteral("Lena Fischer"));
    QVERIFY(bookings->selectBooking(cancelled));
    press(QStringLiteral("Cancel booking"));
    QVERIFY2(m_desk->waitSynced(), qPrintable(m_desk->errorString()));
    QCOMPARE(serverStatus(noShow), QStringLiteral("no_show"));
    QCOMPARE(serverStatus(cancelled), QStringLiteral("cancelled"));
    // Off the strip: nobody sits there.
    QCOMPARE(bookings->strip()->blockCount(), bookings->model()->rowCount() - 2);
}

void TestUiBookings::otherDays()
{
    QVERIFY2(hasBookings(), "littlelemon-server no longer lists the \"bookings\" extension");
    Ui::BookingsPage *bookings = page();
    bookings->setDate(QDate::currentDate().addDays(1));
    QCOMPARE(bookings->model()->rowCount(), 0);
    QCOMPARE(bookings->strip()->blockCount(), 0);
    // A booking made for that day shows there, not today.
    Ui::BookingDialog *dialog = bookings->newBooking();
    QVERIFY(dialog);
    QCOMPARE(dialog->dateField()->date(), QDate::currentDate().addDays(1));
    dialog->nameField()->setText(QStringLiteral("Tomorrow's guest"));
    dialog->guestsField()->setValue(2);
    QPointer<Ui::BookingDialog> guard(dialog);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 15000);
    QCOMPARE(bookings->model()->rowCount(), 1);
    bookings->setDate(QDate::currentDate());
    QVERIFY(bookingOf(QStringLiteral("Tomorrow's guest")) == 0);
}

LL_UI_TEST_MAIN(TestUiBookings)
#include "tst_ui_bookings.moc"
