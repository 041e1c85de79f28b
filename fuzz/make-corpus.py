#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from the contract's
examples (CONTRACT.md and cloud-examples.md: the exchanges recorded against
the cloud API, our extensions' shapes). The seeds are checked in; run this
again only after changing the examples below. Files are named by what they
hold, so a seed's origin is plain in a listing.

    python3 fuzz/make-corpus.py
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def j(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# ---- response bodies of CONTRACT.md / cloud-examples.md ----
ITEM = {"id": 1, "title": "Eggplant Parmiggiana", "price": "15.50", "featured": False, "category": 4}
ITEM_EXT = dict(ITEM, available=True)
CATEGORY = {"id": 4, "slug": "meals", "title": "Meals"}
LINE = {"menuitem": 2, "menuitem_title": "Soda", "quantity": 3, "unit_price": "5.50", "price": "16.50"}
ORDER = {"id": 1, "user": 4, "delivery_crew": None, "status": False, "total": "31.49", "date": "2026-11-24",
         "items": [LINE, {"menuitem": 5, "menuitem_title": "Canada Dry", "quantity": 3, "unit_price": "4.78",
                          "price": "14.34"}]}
ORDER_EXT = dict(ORDER, stage="preparing", delivery_crew=3, note="no onions",
                 history=[{"stage": "received", "at": "2026-11-24T12:00:00.000Z", "by": 4},
                          {"stage": "preparing", "at": "2026-11-24T12:03:10.250Z", "by": 2}])
BOOKING = {"id": 7, "user": 4, "name": "Ana", "phone": "555-0101", "date": "2026-12-01", "time": "19:30",
           "guests": 4, "table": 2, "notes": "window", "status": "booked"}
TABLE = {"id": 2, "name": "T2", "seats": 4}
CART = {"id": 1, "menuitem_name": "Soda", "menuitem": 2, "quantity": 3, "price": "16.50"}


def page(results, count=None, nxt=None, prev=None):
    return {"count": len(results) if count is None else count, "next": nxt, "previous": prev, "results": results}


CODECS = {
    "menu-page": page([ITEM, {"id": 2, "title": "Soda", "price": "5.50", "featured": False, "category": 1},
                       {"id": 3, "title": "Lasagna", "price": "12.00", "featured": True, "category": 4}],
                      count=6, nxt="http://127.0.0.1:8765/api/menu-items?page=2"),
    "menu-page-last": page([ITEM_EXT], count=6, prev="http://127.0.0.1:8765/api/menu-items?page=1"),
    "menu-item": ITEM,
    "menu-item-extended": ITEM_EXT,
    "category": CATEGORY,
    "categories-page": page([CATEGORY, {"id": 1, "slug": "drinks", "title": "Drinks"}]),
    "cart-row": CART,
    "cart-list": [CART, dict(CART, id=2, menuitem=5, menuitem_name="Canada Dry", quantity=1, price="4.78")],
    "order": ORDER,
    "order-extended": ORDER_EXT,
    "orders-page": page([ORDER, ORDER_EXT]),
    "order-created": {"order_id": 1, "total": "31.49", "items": [LINE], "detail": "Order created!"},
    "members": [{"id": 2, "username": "mario", "email": "mario@example.com"}],
    "me-cloud": {"email": "mario@example.com", "username": "mario"},
    "me-extended": {"email": "mario@example.com", "username": "mario", "id": 2, "groups": ["manager"],
                    "is_staff": False},
    "token-pair": {"refresh": "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2ln",
                   "access": "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2ln"},
    "meta": {"server": "littlelemon-server", "version": "0.1.0",
             "features": ["me", "page_size", "bookings", "tables", "stages", "availability", "counter_orders",
                          "changes", "events", "idempotency", "etag"],
             "limits": {"anon": 20, "user": 100}},
    "booking": BOOKING,
    "bookings-page": page([BOOKING, dict(BOOKING, id=8, table=None, status="cancelled")]),
    "table": TABLE,
    "tables-page": page([TABLE, {"id": 3, "name": "Patio", "seats": 8}]),
    "changes": {"changes": [
        {"seq": 1, "entity": "category", "id": 4, "op": "upsert", "data": CATEGORY},
        {"seq": 2, "entity": "menu-item", "id": 1, "op": "upsert", "data": ITEM_EXT},
        {"seq": 3, "entity": "order", "id": 1, "op": "upsert", "data": ORDER_EXT},
        {"seq": 4, "entity": "booking", "id": 7, "op": "upsert", "data": BOOKING},
        {"seq": 5, "entity": "table", "id": 2, "op": "upsert", "data": TABLE},
        {"seq": 6, "entity": "group-membership", "id": 3, "op": "upsert",
         "data": {"group": "delivery-crew", "id": 3, "username": "crew", "email": "crew@example.com"}},
        {"seq": 7, "entity": "menu-item", "id": 9, "op": "delete"}], "next": 7},
    "overlay-menu-item": [ITEM_EXT, {"price": "16.00", "category": -3}],
    "overlay-order": [ORDER_EXT, {"stage": "delivered"}],
    "counter-order-body": {"items": [{"menuitem": -2, "quantity": 2}, {"menuitem": 1, "quantity": 1}],
                           "note": "walk-in"},
    "booking-temp-table": dict(BOOKING, table=-4),
}

# ---- error answers: (status, retry-after or None, body) ----
ERRORS = {
    "bad-credentials": (401, None, {"detail": "No active account found with the given credentials"}),
    "no-credentials": (401, None, {"detail": "Authentication credentials were not provided."}),
    "token-not-valid": (401, None, {"detail": "Given token not valid for any token type", "code": "token_not_valid",
                                    "messages": [{"token_class": "AccessToken", "token_type": "access",
                                                  "message": "Token is invalid or expired"}]}),
    "forbidden": (403, None, {"detail": "You do not have permission to perform this action."}),
    "not-found": (404, None, {"detail": "Not found."}),
    "invalid-page": (404, None, {"detail": "Invalid page."}),
    "field-error": (400, None, {"price": ["A valid number is required."]}),
    "json-parse": (400, None, {"detail": "JSON parse error - Expecting value: line 1 column 10 (char 9)"}),
    "cart-empty": (400, None, {"detail": "The cart is empty!"}),
    "bare-array": (400, None, ["The assigned user is not part of the 'delivery-crew' group."]),
    "crew-status": (400, None, ["The delivery crew must provide a status."]),
    "group-message": (400, None, {"message": "User 'cust' is already in group 'delivery-crew'."}),
    "group-error": (404, None, {"error": "User not found"}),
    "method": (405, None, {"detail": "Method \"PUT\" not allowed."}),
    "throttled": (429, 57, {"detail": "Request was throttled. Expected available in 57 seconds."}),
    "throttled-no-header": (429, None, {"detail": "Request was throttled. Expected available in 3 seconds."}),
    "conflict": (412, None, dict(ITEM_EXT, detail="Precondition failed.")),
    "table-refused": (400, None, {"table": ["Table T2 seats 4; the party is 6."], "non_field_errors": ["x"]}),
    "server": (500, None, {"detail": "A server error occurred."}),
    "disk-full": (507, None, {"detail": "The server's disk is full; nothing was saved."}),
    "html-proxy": (502, None, "<html><body>Bad Gateway</body></html>"),
}

# ---- money: (rules, cents, text) ----
MONEY = {
    "price": ("4", "1550", "15.50"),
    "one-decimal": ("4", "550", "5.5"),
    "whole": ("4", "1200", "12"),
    "spaces": ("4", "0", "  4.78 "),
    "leading-zeros": ("4", "1250", "0012.50"),
    "too-many-decimals": ("4", "0", "1.234"),
    "exponent": ("4", "0", "1e3"),
    "comma": ("4", "0", "1,50"),
    "plus": ("4", "0", "+1"),
    "dot-first": ("4", "0", ".5"),
    "dot-last": ("4", "0", "5."),
    "too-big": ("4", "0", "12345.00"),
    "line-total": ("8", "3149", "31.49"),
    "negative": ("-8", "-5", "-0.05"),
    "negative-refused": ("4", "-1", "-1.00"),
    "int64-min": ("-15", "-9223372036854775808", "-92233720368547758.08"),
    "int64-max": ("-15", "9223372036854775807", "999999999999999.99"),
    "unicode-digits": ("4", "0", "\u0661\u0662.50"),
    "word": ("4", "0", "abc"),
}

# ---- JWTs: (flags, header, payload) or (flags | 8, raw token) ----
FAR = 4102444800  # 2100-01-01
JWTS = {
    "access-hs256": (0, {"alg": "HS256", "typ": "JWT"},
                     {"token_type": "access", "exp": FAR, "iat": 1700000000, "jti": "abc", "user_id": 4}),
    "refresh-hs256": (0, {"alg": "HS256", "typ": "JWT"},
                      {"token_type": "refresh", "exp": FAR, "iat": 1700000000, "jti": "def", "user_id": 2}),
    "user-id-string": (0, {"alg": "HS256", "typ": "JWT"},
                       {"token_type": "access", "exp": FAR, "iat": 1, "jti": "x", "user_id": "4"}),
    "expired": (0, {"alg": "HS256", "typ": "JWT"}, {"token_type": "access", "exp": 1000, "user_id": 4}),
    "alg-none": (3, {"alg": "none", "typ": "JWT"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "alg-none-claims-hs256": (3, {"alg": "HS256"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "hs384": (1, {"alg": "HS384", "typ": "JWT"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "hs512": (2, {"alg": "HS512", "typ": "JWT"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "hs512-claims-hs256": (2, {"alg": "HS256"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "rs256-header": (0, {"alg": "RS256", "typ": "JWT"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "wrong-key": (4, {"alg": "HS256", "typ": "JWT"}, {"token_type": "access", "exp": FAR, "user_id": 4}),
    "kid-and-jku": (0, {"alg": "HS256", "kid": "../../etc/passwd", "jku": "http://evil.example/keys"},
                    {"token_type": "access", "exp": FAR, "user_id": 4}),
    "exp-float": (0, {"alg": "HS256"}, {"token_type": "access", "exp": 4.1e9, "user_id": 4}),
    "exp-string": (0, {"alg": "HS256"}, {"token_type": "access", "exp": "4102444800", "user_id": 4}),
    "exp-huge": (0, {"alg": "HS256"}, {"token_type": "access", "exp": 1e300, "user_id": 4}),
    "user-negative": (0, {"alg": "HS256"}, {"token_type": "access", "exp": FAR, "user_id": -1}),
    "nested-claims": (0, {"alg": "HS256"}, {"token_type": {"a": [1, 2]}, "exp": FAR, "user_id": [4]}),
}
RAW_JWTS = {
    "raw-garbage": "!!!",
    "raw-two-dots": "..",
    "raw-padding": "eyJhbGciOiJIUzI1NiJ9==.eyJ9.sig=",
    "raw-cloud-like": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjo0MTAyNDQ0ODAwLCJ1c2VyX2lkIjo0fQ.AAAA",
}

# ---- request scripts: the exchanges of cloud-examples.md, and our extensions ----
JSON_CT = "Content-Type: application/json"


def req(method, target, who=None, body=None, headers=()):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1:8000"]
    if who:
        lines.append(f"Authorization: Bearer @{who}")
    if body is not None:
        lines.append(JSON_CT)
    lines.extend(headers)
    text = "\n".join(lines) + "\n\n"
    if body is not None:
        text += body if isinstance(body, str) else j(body)
    return text


def script(*requests):
    return "\n====\n".join(requests)


REQUESTS = {
    "login-wrong": req("POST", "/auth/jwt/create/", body={"username": "cust", "password": "nope"}),
    "login-right": req("POST", "/auth/jwt/create/", body={"username": "mario", "password": "Lemon#Pass2026"}),
    "refresh": req("POST", "/auth/jwt/refresh/", body={"refresh": "@refresh-customer"}),
    "verify-junk": req("POST", "/auth/jwt/verify/", body={"token": "x"}),
    "verify-access": req("POST", "/auth/jwt/verify/", body={"token": "@manager"}),
    "refresh-as-access": req("GET", "/api/orders", headers=["Authorization: Bearer @refresh-customer"]),
    "register": req("POST", "/auth/users/", body={"username": "newbie", "email": "n@example.com",
                                                  "password": "Lemon-Squeezy-42", "re_password": "Lemon-Squeezy-42"}),
    "me": req("GET", "/auth/users/me/", "manager"),
    "orders-anonymous": req("GET", "/api/orders"),
    "orders-malformed-token": req("GET", "/api/orders", headers=["Authorization: Bearer abc.def.ghi"]),
    "menu-anonymous": req("GET", "/api/menu-items"),
    "menu-trailing-slash": req("GET", "/api/menu-items/"),
    "menu-page-9": req("GET", "/api/menu-items?page=9"),
    "menu-filter": req("GET", "/api/menu-items?category=DRINKS&ordering=-price"),
    "menu-search": req("GET", "/api/menu-items?search=lasagna&price=12.00&page_size=2"),
    "menu-missing": req("GET", "/api/menu-items/999"),
    "menu-patch-customer": req("PATCH", "/api/menu-items/1", "customer", {"price": "1.00"}),
    "menu-patch-admin": req("PATCH", "/api/menu-items/1", "admin", {"price": "1.00"}),
    "menu-patch-bad-price": req("PATCH", "/api/menu-items/1", "manager", {"price": "abc"}),
    "menu-patch-broken-json": req("PATCH", "/api/menu-items/1", "manager", '{"price":'),
    "menu-put": req("PUT", "/api/menu-items/2", "manager",
                    {"title": "Soda", "price": "5.75", "featured": True, "category": 1, "available": False}),
    "menu-create": req("POST", "/api/menu-items", "admin",
                       {"title": "Lemon tart", "price": "6.00", "featured": False, "category": 1}),
    "menu-delete": req("DELETE", "/api/menu-items/5", "admin"),
    "categories-anonymous": req("GET", "/api/categories"),
    "categories-customer": req("GET", "/api/categories?page=1", "customer"),
    "category-create": req("POST", "/api/categories", "admin", {"slug": "soups", "title": "Soups"}),
    "order-empty-cart": req("POST", "/api/orders", "crew"),
    "cart-add": req("POST", "/api/cart", "customer", {"menuitem": 2, "quantity": 3}),
    "cart-form": req("POST", "/api/cart", "customer", "menuitem=5&quantity=1")
    .replace(JSON_CT, "Content-Type: application/x-www-form-urlencoded"),
    "cart-list": req("GET", "/api/cart", "customer"),
    "cart-manager": req("GET", "/api/cart", "manager"),
    "cart-then-order": script(req("POST", "/api/cart", "customer", {"menuitem": 2, "quantity": 3}),
                              req("POST", "/api/orders", "customer"), req("GET", "/api/orders", "customer")),
    "orders-manager": req("GET", "/api/orders?ordering=-total", "manager"),
    "orders-crew": req("GET", "/api/orders", "crew"),
    "order-assign": req("PATCH", "/api/orders/1", "manager", {"delivery_crew": 3}),
    "order-assign-not-crew": req("PATCH", "/api/orders/1", "manager", {"delivery_crew": 4}),
    "order-status-crew": req("PATCH", "/api/orders/42", "crew", {"status": True}),
    "order-crew-empty": req("PATCH", "/api/orders/42", "crew", {}),
    "order-status-customer": req("PATCH", "/api/orders/41", "customer", {"status": False}),
    "order-delete-customer": req("DELETE", "/api/orders/41", "customer"),
    "order-missing": req("GET", "/api/orders/99", "manager"),
    "order-other-crew": req("GET", "/api/orders/1", "crew"),
    "order-stage": req("PATCH", "/api/orders/41", "manager", {"stage": "ready"},
                       headers=['If-Match: "x"', "Idempotency-Key: k-1"]),
    "counter-order": req("POST", "/api/orders", "manager",
                         {"items": [{"menuitem": 1, "quantity": 2}, {"menuitem": 3, "quantity": 1}], "note": "table 4"},
                         headers=["Idempotency-Key: 0b7c-counter"]),
    "counter-order-twice": script(*[req("POST", "/api/orders", "manager", {"items": [{"menuitem": 1, "quantity": 1}]},
                                        headers=["Idempotency-Key: same"])] * 2),
    "group-list": req("GET", "/api/groups/manager/users", "manager"),
    "group-add": req("POST", "/api/groups/delivery-crew/users", "manager", {"username": "cust"}),
    "group-add-ghost": req("POST", "/api/groups/delivery-crew/users", "manager", {"username": "ghost"}),
    "group-add-empty": req("POST", "/api/groups/delivery-crew/users", "manager", {}),
    "group-unknown": req("POST", "/api/groups/chefs/users", "manager", {"username": "cust"}),
    "group-remove": req("DELETE", "/api/groups/delivery-crew/users/4", "manager"),
    "group-crew": req("GET", "/api/groups/manager/users", "crew"),
    "cart-patch-empty": req("PATCH", "/api/cart/1", "customer", {}),
    "cart-delete": req("DELETE", "/api/cart/3", "customer"),
    "cart-put": req("PUT", "/api/cart", "customer", {}),
    "meta": req("GET", "/api/meta"),
    "health": req("GET", "/health"),
    "options": req("OPTIONS", "/api/orders", "manager"),
    "head": req("HEAD", "/api/menu-items/1"),
    "changes": req("GET", "/api/changes?since=0&limit=50", "manager"),
    "changes-customer": req("GET", "/api/changes?since=3&limit=5", "customer"),
    "tables": req("GET", "/api/tables", "crew"),
    "table-create": req("POST", "/api/tables", "manager", {"name": "T9", "seats": 2}),
    "table-patch": req("PATCH", "/api/tables/1", "admin", {"seats": 6}),
    "table-delete": req("DELETE", "/api/tables/2", "manager"),
    "bookings-day": req("GET", "/api/bookings?date=2030-05-01", "manager"),
    "booking-create": req("POST", "/api/bookings", "customer",
                          {"name": "Ana", "phone": "555", "date": "2030-05-01", "time": "19:30", "guests": 4,
                           "table": 1, "notes": ""}),
    "booking-too-big": req("POST", "/api/bookings", "manager",
                           {"name": "Big", "date": "2030-05-01", "time": "19:00", "guests": 9, "table": 1}),
    "booking-seat": req("PATCH", "/api/bookings/1", "manager", {"status": "seated"}),
    "booking-delete": req("DELETE", "/api/bookings/2", "customer"),
    "sql-in-search": req("GET", "/api/menu-items?search=%27%20OR%201%3D1--&category=x%27)%3B--"),
    "traversal": req("GET", "/api/menu-items/%2E%2E/%2E%2E/etc/passwd"),
}


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def b64(data):
    import base64
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    for name, value in CODECS.items():
        write("fuzz_codecs", name, j(value))
    for name, (status, retry, body) in ERRORS.items():
        head = f"{status}" + (f" {retry}" if retry is not None else "")
        write("fuzz_apierror", name, head + "\n" + (body if isinstance(body, str) else j(body)))
        if not isinstance(body, str):
            write("fuzz_codecs", "error-" + name, j(body))
            write("fuzz_jsonsyntax", "error-" + name, j(body))
    for name, (rules, cents, text) in MONEY.items():
        write("fuzz_money", name, f"{rules}\n{cents}\n{text}")
    for name, (flags, header, payload) in JWTS.items():
        write("fuzz_jwt", name, bytes([flags]) + j(header).encode() + b"\n" + j(payload).encode())
    for name, token in RAW_JWTS.items():
        write("fuzz_jwt", name, bytes([8]) + token.encode())
    for name, text in REQUESTS.items():
        write("fuzz_request", name, text)
    # Request bodies as the server reads them, and what Python's json refuses.
    bodies = {
        "object": '{"price": "12.50", "featured": true, "category": null}',
        "nested": '{"items": [{"menuitem": 1, "quantity": 2}], "note": "caf\\u00e9 \\ud83c\\udf4b"}',
        "scalar": '"price"', "number": "-1.5e+10", "cut": '{"price":', "single-quotes": "{'price':'1.00'}",
        "trailing-comma": '{"slug":"x",}', "two-objects": "{}{}", "nan": '{"menuitem":NaN}',
        "control": '{"title":"a\tb"}', "bad-escape": '{"title":"\\x41"}', "lone-surrogate": '"\\ud800"',
        "deep": "[" * 1100 + "]" * 1100, "bom": "\ufeff{}", "utf8-bad": b'{"title":"\xff\xfe"}',
        "big-number": "[1e400, -1e400, 123456789012345678901234567890]", "whitespace": " \r\n\t{ } \n",
    }
    for name, body in bodies.items():
        write("fuzz_jsonsyntax", name, body)


if __name__ == "__main__":
    main()
