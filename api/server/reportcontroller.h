#pragma once

#include "api/server/controller.h"
#include "api/server/reportreader.h"

#include <memory>

namespace LittleLemon::Server {

// The `reports` extension (issue 18): the day's figures (X report, nothing
// stored) and the close of a day (Z report, numbered and never changed).
// Managers and admins only. The figures come from models/report.* over the
// orders ReportStorage reads; a day is the server's local day (TZ).
//
//   GET  /api/reports?from=YYYY-MM-DD[&to=YYYY-MM-DD]   the X report
//   POST /api/reports/close {"date": "YYYY-MM-DD"}      closes the day: 201 the Z; again → 409
//   GET  /api/reports/z[?date=YYYY-MM-DD]               the Z reports, paginated
//   GET  /api/reports/z/{number}                        one Z; PUT/PATCH/DELETE → 405 with words
class ReportController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

    // The longest period one report covers.
    static constexpr int kMaxDays = 366;

private:
    Response report(RequestContext &context);
    Response close(RequestContext &context);
    Response list(RequestContext &context);
    Response retrieve(RequestContext &context);
    ReportInput input(const QDate &from, const QDate &to);

    std::unique_ptr<ReportReader> m_reader;
};

} // namespace LittleLemon::Server
