#pragma once

#include "report.h"

#include <QJsonObject>

#include <optional>

namespace LittleLemon {

// A report on the wire (GET /api/reports, a Z's "report", the CLI's --json):
// money as decimal strings ("12.50", "-3.00"), days "YYYY-MM-DD", stages by
// their wire names, durations in whole seconds.
QJsonObject reportToJson(const Report &report);
// nullopt with *error when a field is missing or malformed.
std::optional<Report> reportFromJson(const QJsonObject &json, QString *error = nullptr);

} // namespace LittleLemon
