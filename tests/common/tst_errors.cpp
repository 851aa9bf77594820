// Tests of the error table: wire names, HTTP statuses and the std::error_code mapping.
#include <QtTest>

#include "common/codec.h"
#include "common/errors.h"

using namespace protocol;

class TestErrors : public QObject {
    Q_OBJECT

private slots:
    void table_data();
    void table();
    void unknownNameIsNotGuessed();
    void errorCodeInterop();
    void apiErrorCarriesRetryAfter();
};

void TestErrors::table_data() {
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::newRow("bad_request") << ErrorCode::BadRequest << "bad_request" << 400;
    QTest::newRow("unauthorized") << ErrorCode::Unauthorized << "unauthorized" << 401;
    QTest::newRow("invalid_credentials")
        << ErrorCode::InvalidCredentials << "invalid_credentials" << 401;
    QTest::newRow("forbidden") << ErrorCode::Forbidden << "forbidden" << 403;
    QTest::newRow("not_found") << ErrorCode::NotFound << "not_found" << 404;
    QTest::newRow("conflict") << ErrorCode::Conflict << "conflict" << 409;
    QTest::newRow("username_taken") << ErrorCode::UsernameTaken << "username_taken" << 409;
    QTest::newRow("payload_too_large") << ErrorCode::PayloadTooLarge << "payload_too_large" << 413;
    QTest::newRow("unsupported_media_type")
        << ErrorCode::UnsupportedMediaType << "unsupported_media_type" << 415;
    QTest::newRow("rate_limited") << ErrorCode::RateLimited << "rate_limited" << 429;
    QTest::newRow("insufficient_storage")
        << ErrorCode::InsufficientStorage << "insufficient_storage" << 507;
    QTest::newRow("internal") << ErrorCode::Internal << "internal" << 500;
}

void TestErrors::table() {
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QCOMPARE(QString::fromStdString(std::string(errorCodeName(code))), name);
    QCOMPARE(httpStatus(code), status);
    QCOMPARE(errorCodeFromName(name.toStdString()), std::optional(code));
    const auto body = parseErrorBody(errorBody(code, "why"));
    QVERIFY(body);
    QCOMPARE(QString::fromStdString(body->first), name);
}

void TestErrors::unknownNameIsNotGuessed() {
    QCOMPARE(errorCodeFromName("teapot"), std::nullopt);
    QCOMPARE(errorCodeFromName("BAD_REQUEST"), std::nullopt);
    QCOMPARE(errorCodeFromName(""), std::nullopt);
}

void TestErrors::errorCodeInterop() {
    const std::error_code ec = ErrorCode::NotFound;
    QCOMPARE(&ec.category(), &errorCategory());
    QCOMPARE(ec.message(), "not_found");
    QVERIFY(ec == make_error_code(ErrorCode::NotFound));
    QVERIFY(ec != make_error_code(ErrorCode::Forbidden));
}

void TestErrors::apiErrorCarriesRetryAfter() {
    try {
        throw ApiError(ErrorCode::RateLimited, "slow down", 1500);
    } catch (const std::exception& e) {
        const auto* api = dynamic_cast<const ApiError*>(&e);
        QVERIFY(api);
        QCOMPARE(api->code(), ErrorCode::RateLimited);
        QCOMPARE(api->retryAfterMs(), std::optional(1500));
        QCOMPARE(std::string(e.what()), "slow down");
    }
}

QTEST_APPLESS_MAIN(TestErrors)
#include "tst_errors.moc"
