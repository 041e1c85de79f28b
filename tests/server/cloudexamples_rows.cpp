#include <QByteArray>
#include <QString>
#include <QTest>

// The rows of cloud-examples.md, in a file of their own: moc stops reading
// at raw string literals, so the table stays out of the QObject's file.
void addCloudExampleRows()
{
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("header");

        auto row = [](const char *name, const char *actor, const char *method, const char *path, const char *body,
                      int status, const char *expected, const char *header = "") {
            QTest::newRow(name) << QString::fromLatin1(actor) << QByteArray(method) << QString::fromUtf8(path)
                                << QByteArray(body) << status << QByteArray(expected) << QByteArray(header);
        };
        const QByteArray invalid =
            R"({"detail":"Given token not valid for any token type","code":"token_not_valid","messages":[{"token_class":"AccessToken","token_type":"access","message":"Token is invalid or expired"}]})";
        const QByteArray wrongType =
            R"({"detail":"Given token not valid for any token type","code":"token_not_valid","messages":[{"token_class":"AccessToken","token_type":"access","message":"Token has wrong type"}]})";

        row("create: wrong password", "anon", "POST", "/auth/jwt/create/", R"({"username":"mario","password":"nope"})",
            401, R"({"detail":"No active account found with the given credentials"})");
        row("orders without a token", "anon", "GET", "/api/orders", "", 401,
            R"({"detail":"Authentication credentials were not provided."})", R"(WWW-Authenticate: Bearer realm="api")");
        row("orders with a malformed token", "malformed", "GET", "/api/orders", "", 401, invalid.constData(),
            R"(WWW-Authenticate: Bearer realm="api")");
        row("orders with a refresh token", "refresh", "GET", "/api/orders", "", 401, wrongType.constData());
        row("refresh: good refresh", "anon", "POST", "/auth/jwt/refresh/", R"({"refresh":"$REFRESH"})", 200,
            R"({"access":"$ANY"})");
        row("verify: junk", "anon", "POST", "/auth/jwt/verify/", R"({"token":"x"})", 401,
            R"({"detail":"Token is invalid or expired","code":"token_not_valid"})");
        row("register a new user", "anon", "POST", "/auth/users/",
            R"({"username":"newbie","email":"n@example.com","password":"Lemon-Squeezy-42","re_password":"Lemon-Squeezy-42"})",
            201, R"({"email":"n@example.com","username":"newbie"})");
        row("me", "mario", "GET", "/auth/users/me/", "", 200, R"({"email":"mario@example.com","username":"mario"})");
        row("menu anonymous", "anon", "GET", "/api/menu-items", "", 200,
            R"({"count":6,"next":"http://127.0.0.1:$PORT/api/menu-items?page=2","previous":null,"results":[)"
            R"({"id":1,"title":"Eggplant Parmiggiana","price":"15.50","featured":false,"category":4},)"
            R"({"id":2,"title":"Soda","price":"5.50","featured":false,"category":2},)"
            R"({"id":3,"title":"Crème Brûlée","price":"7.25","featured":false,"category":3}]})");
        row("menu with a trailing slash", "anon", "GET", "/api/menu-items/", "", 404, "");
        row("menu page 9", "anon", "GET", "/api/menu-items?page=9", "", 404, R"({"detail":"Invalid page."})");
        row("menu DRINKS by -price", "anon", "GET", "/api/menu-items?category=DRINKS&ordering=-price", "", 200,
            R"({"count":2,"next":null,"previous":null,"results":[)"
            R"({"id":2,"title":"Soda","price":"5.50","featured":false,"category":2},)"
            R"({"id":5,"title":"Canada Dry","price":"4.78","featured":false,"category":2}]})");
        row("menu search lasagna", "anon", "GET", "/api/menu-items?search=lasagna", "", 200,
            R"({"count":1,"next":null,"previous":null,"results":[)"
            R"({"id":6,"title":"Bolognese Lasagna","price":"14.99","featured":true,"category":4}]})");
        row("menu item 999", "anon", "GET", "/api/menu-items/999", "", 404, R"({"detail":"Not found."})");
        row("patch menu item as customer", "cust", "PATCH", "/api/menu-items/1", R"({"price":"1.00"})", 403,
            R"({"detail":"You do not have permission to perform this action."})");
        row("patch menu item as admin (not in manager)", "admin", "PATCH", "/api/menu-items/1", R"({"price":"1.00"})",
            403, R"({"detail":"You do not have permission to perform this action."})");
        row("patch price abc as manager", "mario", "PATCH", "/api/menu-items/1", R"({"price":"abc"})", 400,
            R"({"price":["A valid number is required."]})");
        row("patch broken JSON as manager", "mario", "PATCH", "/api/menu-items/1", R"({"price":)", 400,
            R"x({"detail":"JSON parse error - Expecting value: line 1 column 10 (char 9)"})x");
        row("categories anonymous", "anon", "GET", "/api/categories", "", 401,
            R"({"detail":"Authentication credentials were not provided."})");
        row("categories as customer", "cust", "GET", "/api/categories", "", 200,
            R"({"count":4,"next":"http://127.0.0.1:$PORT/api/categories?page=2","previous":null,"results":[)"
            R"({"id":1,"slug":"appetizers","title":"Appetizers"},{"id":2,"slug":"drinks","title":"Drinks"},)"
            R"({"id":3,"slug":"desserts","title":"Desserts"}]})");
        row("order with an empty cart", "cust", "POST", "/api/orders", "", 400, R"({"detail":"The cart is empty!"})");
        row("cart: add 3 sodas", "cust", "POST", "/api/cart", R"({"menuitem":2,"quantity":3})", 201,
            R"({"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":3,"price":"16.50"})");
        row("cart: list", "cust", "GET", "/api/cart", "", 200,
            R"([{"id":1,"menuitem_name":"Soda","menuitem":2,"quantity":3,"price":"16.50"}])");
        row("cart as manager", "mario", "GET", "/api/cart", "", 403,
            R"({"detail":"You do not have permission to perform this action."})");
        row("cart: add a lasagna (second row)", "cust", "POST", "/api/cart", R"({"menuitem":6,"quantity":1})", 201,
            R"({"id":2,"menuitem_name":"Bolognese Lasagna","menuitem":6,"quantity":1,"price":"14.99"})");
        // Quirk: the cloud lists only the last line in "items"; we list all.
        row("order with two cart rows", "cust", "POST", "/api/orders", "", 201,
            R"({"order_id":1,"total":"31.49","items":[)"
            R"({"menuitem":2,"menuitem_title":"Soda","quantity":3,"unit_price":"5.50","price":"16.50"},)"
            R"({"menuitem":6,"menuitem_title":"Bolognese Lasagna","quantity":1,"unit_price":"14.99","price":"14.99"}],)"
            R"("detail":"Order created!"})");
        row("orders as manager", "mario", "GET", "/api/orders", "", 200,
            R"({"count":1,"next":null,"previous":null,"results":[{"id":1,"user":4,"delivery_crew":null,"status":false,)"
            R"("total":"31.49","date":"$TODAY","items":[)"
            R"({"menuitem":2,"menuitem_title":"Soda","quantity":3,"unit_price":"5.50","price":"16.50"},)"
            R"({"menuitem":6,"menuitem_title":"Bolognese Lasagna","quantity":1,"unit_price":"14.99","price":"14.99"}]}]})");
        row("assign crew 3 as manager", "mario", "PATCH", "/api/orders/1", R"({"delivery_crew":3})", 200,
            R"(~{"id":1,"user":4,"delivery_crew":3,"status":false,"total":"31.49","date":"$TODAY"})");
        row("assign a non-crew user", "mario", "PATCH", "/api/orders/1", R"({"delivery_crew":4})", 400,
            R"(["The assigned user is not part of the 'delivery-crew' group."])");
        row("crew sets status", "crew", "PATCH", "/api/orders/1", R"({"status":true})", 200,
            R"(~{"id":1,"user":4,"delivery_crew":3,"status":true,"total":"31.49"})");
        row("crew sends nothing", "crew", "PATCH", "/api/orders/1", "{}", 400,
            R"(["The delivery crew must provide a status."])");
        // Quirk: the cloud lets the customer change the status; the contract says 400.
        row("customer sets status", "cust", "PATCH", "/api/orders/1", R"({"status":false})", 400,
            R"(["A customer cannot change an order."])");
        row("customer's order is unchanged", "cust", "GET", "/api/orders/1", "", 200, R"(~{"id":1,"status":true})");
        row("order 99", "mario", "GET", "/api/orders/99", "", 404, R"({"detail":"Order not found."})");
        row("cart: add for the delete rows", "cust", "POST", "/api/cart", R"({"menuitem":4,"quantity":2})", 201,
            R"({"id":3,"menuitem_name":"Bruschetta","menuitem":4,"quantity":2,"price":"23.04"})");
        row("cart: patch without quantity", "cust", "PATCH", "/api/cart/1", "{}", 400,
            R"({"error":"Quantity is required."})");
        row("cart: delete row 3", "cust", "DELETE", "/api/cart/3", "", 200, R"({"message":"Item deleted."})");
        row("cart: delete row 3 again", "cust", "DELETE", "/api/cart/3", "", 404, R"({"error":"Cart item not found."})");
        row("cart: add for order 2", "cust", "POST", "/api/cart", R"({"menuitem":1,"quantity":1})", 201,
            R"(~{"id":4,"menuitem":1,"quantity":1,"price":"15.50"})");
        row("order 2", "cust", "POST", "/api/orders", "", 201,
            R"(~{"order_id":2,"total":"15.50","detail":"Order created!"})");
        row("crew reads an order not assigned to them", "crew", "GET", "/api/orders/2", "", 403,
            R"({"detail":"You do not have permission to acess this information."})");
        row("customer deletes their order", "cust", "DELETE", "/api/orders/1", "", 204, "");
        row("managers group", "mario", "GET", "/api/groups/manager/users", "", 200,
            R"([{"id":2,"username":"mario","email":"mario@example.com"}])");
        row("add cust to delivery-crew", "mario", "POST", "/api/groups/delivery-crew/users", R"({"username":"cust"})",
            201, R"({"message":"User 'cust' added to group 'delivery-crew'."})");
        row("add cust again", "mario", "POST", "/api/groups/delivery-crew/users", R"({"username":"cust"})", 400,
            R"({"message":"User 'cust' is already in group 'delivery-crew'."})");
        row("remove cust from delivery-crew", "mario", "DELETE", "/api/groups/delivery-crew/users/4", "", 200,
            R"({"message":"User 'cust' removed from group 'delivery-crew'."})");
        row("managers group as crew", "crew", "GET", "/api/groups/manager/users", "", 403,
            R"({"detail":"You do not have permission to perform this action."})");
        row("add ghost", "mario", "POST", "/api/groups/delivery-crew/users", R"({"username":"ghost"})", 404,
            R"({"error":"User not found"})");
        row("add without username", "mario", "POST", "/api/groups/delivery-crew/users", "{}", 400,
            R"({"error":"'username' field is required."})");
        row("add to chefs", "mario", "POST", "/api/groups/chefs/users", R"({"username":"cust"})", 404,
            R"({"error":"Group not found"})");
        row("remove a non-member", "mario", "DELETE", "/api/groups/delivery-crew/users/4", "", 404,
            R"({"message":"User 'cust' is not in the 'delivery-crew' group."})");
        row("remove user 99", "mario", "DELETE", "/api/groups/delivery-crew/users/99", "", 404,
            R"({"error":"User not found"})");
        row("PUT the cart", "cust", "PUT", "/api/cart", "{}", 405, R"({"detail":"Method \"PUT\" not allowed."})",
            "Allow: GET, POST, HEAD, OPTIONS");
    }
