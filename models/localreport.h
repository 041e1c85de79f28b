#pragma once

#include "report.h"

namespace LittleLemon {

class LocalStore;

// The report input from the desk's synced copy, for a server without the
// `reports` feature (the cloud): the orders of [from, to] with their lines
// and history, the menu's categories and the crew's names. The figures are
// then computed by computeReport(), as the server computes its own.
//
// What the copy cannot know: sold-out intervals and corrections (the cloud
// keeps neither), and the hour of an order the server gave no time for
// (counted in Report::ordersWithoutTime). An order whose user is in a staff
// group counts as a counter order.
ReportInput localReportInput(const LocalStore &store, const QDate &from, const QDate &to,
                             const QTimeZone &zone = QTimeZone::systemTimeZone());

} // namespace LittleLemon
