#pragma once

#include "api/server/resourcecontroller.h"
#include "models/booking.h"

namespace LittleLemon::Server {

// The `bookings` extension: /api/bookings and /api/bookings/{id}, {"id",
// "user", "name", "phone", "date", "time", "guests", "table", "notes",
// "status"}. Customers see and change only their own (and may only cancel
// them); managers and admins all, with every status move (booked → seated
// → completed, booked → cancelled or no_show). Lists take ?date=. A booking
// that names a table must fit it and must not come within the stay time
// (ServerConfig::bookingStayMinutes) of another booking holding it.
class BookingController : public ResourceController
{
public:
    explicit BookingController(const Services &services);

private:
    Response list(RequestContext &context) override;
    Response create(RequestContext &context) override;
    Response retrieve(RequestContext &context) override;
    Response update(RequestContext &context, bool partial) override;
    Response destroy(RequestContext &context) override;

    // The booking, if the caller may see it (others' are "not found").
    Booking find(const RequestContext &context);
    // Reads the writable fields into `b`; errors go into `body`.
    void read(class FieldReader &body, const User &user, Booking &b, bool creating);
    // 400 {"table": [...]} when `b`'s table is too small or taken.
    void checkTable(const Booking &b);
};

} // namespace LittleLemon::Server
