// Tests of the value rules: usernames, display names, passwords, message text, client ids, ids.
#include <QtTest>

#include "common/codec.h"
#include "common/validation.h"

using namespace protocol;
namespace v = protocol::validation;

namespace {

// The code thrown by `action`, or nullopt when it accepted the value.
std::optional<ErrorCode> rejection(const std::function<void()>& action,
                                   QString* message = nullptr) {
    try {
        action();
    } catch (const ApiError& e) {
        if (message) {
            *message = QString::fromUtf8(e.what());
        }
        return e.code();
    }
    return std::nullopt;
}

QByteArray repeat(const char* utf8, int times) {
    return QByteArray(utf8).repeated(times);
}

}  // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void username_data();
    void username();
    void displayName_data();
    void displayName();
    void password_data();
    void password();
    void messageText_data();
    void messageText();
    void loneSurrogateEscapeInAFrameIs400();
    void clientId_data();
    void clientId();
    void ids_data();
    void ids();
    void codePoints();
};

void TestValidation::username_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("stored");  // empty: rejected
    QTest::newRow("plain") << QByteArray("alice") << QByteArray("alice");
    QTest::newRow("mixed case lowered") << QByteArray("Alice") << QByteArray("alice");
    QTest::newRow("dot and underscore") << QByteArray("A_b.C9") << QByteArray("a_b.c9");
    QTest::newRow("3 chars") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("32 chars") << QByteArray(32, 'x') << QByteArray(32, 'x');
    QTest::newRow("2 chars") << QByteArray("ab") << QByteArray();
    QTest::newRow("33 chars") << QByteArray(33, 'x') << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("space") << QByteArray("al ice") << QByteArray();
    QTest::newRow("hyphen") << QByteArray("al-ice") << QByteArray();
    QTest::newRow("at sign") << QByteArray("@alice") << QByteArray();
    QTest::newRow("accented") << QByteArray("émile") << QByteArray();
    QTest::newRow("cyrillic lookalike") << QByteArray("аlice") << QByteArray();
    QTest::newRow("nul") << QByteArray("ali\0ce", 6) << QByteArray();
}

void TestValidation::username() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    std::string result;
    QString message;
    const auto code = rejection([&] { result = v::username(input.toStdString()); }, &message);
    if (stored.isEmpty()) {
        QCOMPARE(code, ErrorCode::BadRequest);
        QVERIFY2(message.startsWith("username: "), qPrintable(message));
    } else {
        QCOMPARE(code, std::nullopt);
        QCOMPARE(QByteArray::fromStdString(result), stored);
    }
}

void TestValidation::displayName_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("stored");  // empty: rejected
    QTest::newRow("plain") << QByteArray("Alice") << QByteArray("Alice");
    QTest::newRow("trimmed") << QByteArray("  Alice L. \t") << QByteArray("Alice L.");
    QTest::newRow("ideographic space trimmed")
        << QByteArray("\u3000名前\u3000") << QByteArray("名前");
    QTest::newRow("inner space kept") << QByteArray("A  B") << QByteArray("A  B");
    QTest::newRow("CJK") << QByteArray("山田太郎") << QByteArray("山田太郎");
    QTest::newRow("emoji") << QByteArray("🦀 Ferris") << QByteArray("🦀 Ferris");
    QTest::newRow("ZWJ emoji sequence") << QByteArray("👩‍💻") << QByteArray("👩‍💻");
    QTest::newRow("1 char") << QByteArray("x") << QByteArray("x");
    QTest::newRow("64 emoji") << repeat("😀", 64) << repeat("😀", 64);
    QTest::newRow("64 CJK") << repeat("字", 64) << repeat("字", 64);
    QTest::newRow("65 chars") << QByteArray(65, 'a') << QByteArray();
    QTest::newRow("65 emoji") << repeat("😀", 65) << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("only spaces") << QByteArray("   ") << QByteArray();
    QTest::newRow("inner tab") << QByteArray("a\tb") << QByteArray();
    QTest::newRow("inner newline") << QByteArray("a\nb") << QByteArray();
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray();
    QTest::newRow("escape") << QByteArray("a\x1b[31mb") << QByteArray();
    QTest::newRow("delete") << QByteArray("a\x7f") << QByteArray();
    QTest::newRow("C1 control") << QByteArray("a\u0085b") << QByteArray();
    QTest::newRow("bidi override") << QByteArray("a\u202Eb") << QByteArray();
    QTest::newRow("line separator") << QByteArray("a\u2028b") << QByteArray();
    QTest::newRow("invalid UTF-8") << QByteArray("a\xc3") << QByteArray();
    QTest::newRow("overlong") << QByteArray("a\xc0\xa0") << QByteArray();
}

void TestValidation::displayName() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, stored);
    std::string result;
    QString message;
    const auto code = rejection([&] { result = v::displayName(input.toStdString()); }, &message);
    if (stored.isEmpty()) {
        QCOMPARE(code, ErrorCode::BadRequest);
        QVERIFY2(message.startsWith("display_name: "), qPrintable(message));
    } else {
        QCOMPARE(code, std::nullopt);
        QCOMPARE(QByteArray::fromStdString(result), stored);
    }
}

void TestValidation::password_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("7 bytes") << QByteArray(7, 'p') << false;
    QTest::newRow("8 bytes") << QByteArray(8, 'p') << true;
    QTest::newRow("1024 bytes") << QByteArray(1024, 'p') << true;
    QTest::newRow("1025 bytes") << QByteArray(1025, 'p') << false;
    QTest::newRow("4 two-byte chars = 8 bytes") << repeat("é", 4) << true;
    QTest::newRow("3 two-byte chars = 6 bytes") << repeat("é", 3) << false;
    QTest::newRow("256 four-byte chars = 1024 bytes") << repeat("😀", 256) << true;
    QTest::newRow("257 four-byte chars = 1028 bytes") << repeat("😀", 257) << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestValidation::password() {
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QString message;
    const auto code =
        rejection([&] { v::password(input.toStdString(), "new_password"); }, &message);
    if (valid) {
        QCOMPARE(code, std::nullopt);
    } else {
        QCOMPARE(code, ErrorCode::BadRequest);
        QVERIFY2(message.startsWith("new_password: "), qPrintable(message));
    }
}

void TestValidation::messageText_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<std::optional<ErrorCode>>("expected");
    const std::optional<ErrorCode> ok;
    const std::optional<ErrorCode> tooLarge = ErrorCode::PayloadTooLarge;
    const std::optional<ErrorCode> bad = ErrorCode::BadRequest;
    QTest::newRow("empty") << QByteArray() << ok;
    QTest::newRow("4000 ascii") << QByteArray(4000, 'a') << ok;
    QTest::newRow("4001 ascii") << QByteArray(4001, 'a') << tooLarge;
    QTest::newRow("4000 euro signs (12000 bytes)") << repeat("€", 4000) << ok;
    QTest::newRow("4001 euro signs") << repeat("€", 4001) << tooLarge;
    QTest::newRow("4000 emoji (16000 bytes)") << repeat("😀", 4000) << ok;
    QTest::newRow("4001 emoji") << repeat("😀", 4001) << tooLarge;
    QTest::newRow("3999 ascii + 1 emoji") << QByteArray(3999, 'a') + "😀" << ok;
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf") << bad;
    QTest::newRow("overlong three-byte") << QByteArray("\xe0\x80\xaf") << bad;
    QTest::newRow("overlong four-byte") << QByteArray("\xf0\x82\x82\xac") << bad;
    QTest::newRow("UTF-8 encoded high surrogate") << QByteArray("\xed\xa0\x80") << bad;
    QTest::newRow("UTF-8 encoded low surrogate") << QByteArray("\xed\xbf\xbf") << bad;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << bad;
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82") << bad;
    QTest::newRow("stray continuation") << QByteArray("\x80") << bad;
    QTest::newRow("0xFF byte") << QByteArray("a\xff") << bad;
    QTest::newRow("U+10FFFF is fine") << QByteArray("\xf4\x8f\xbf\xbf") << ok;
}

void TestValidation::messageText() {
    QFETCH(QByteArray, input);
    QFETCH(std::optional<ErrorCode>, expected);
    QString message;
    QCOMPARE(rejection([&] { v::messageText(input.toStdString()); }, &message), expected);
    if (expected) {
        QVERIFY2(message.startsWith("text: "), qPrintable(message));
    }
}

void TestValidation::loneSurrogateEscapeInAFrameIs400() {
    const auto send = [](const char* text) {
        return R"({"op":"send","chat_id":1,"client_id":"c","text":")" + std::string(text) + "\"}";
    };
    QCOMPARE(rejection([&] { decode<ClientFrame>(send(R"(\ud83d)")); }), ErrorCode::BadRequest);
    QCOMPARE(rejection([&] { decode<ClientFrame>(send(R"(\ude00 after)")); }),
             ErrorCode::BadRequest);
    const auto ok = std::get<ws::Send>(decode<ClientFrame>(send(R"(\ud83d\ude00)")));
    QCOMPARE(QByteArray::fromStdString(ok.text.value_or("")), QByteArray("😀"));
}

void TestValidation::clientId_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("uuid") << QByteArray("6f1c2a7e-0b9d-4d43-9f5e-3c1b2a9d8e7f") << true;
    QTest::newRow("1 char") << QByteArray("x") << true;
    QTest::newRow("64 chars") << QByteArray(64, 'x') << true;
    QTest::newRow("64 multi-byte chars") << repeat("é", 64) << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("65 chars") << QByteArray(65, 'x') << false;
    QTest::newRow("invalid UTF-8") << QByteArray("\xc3") << false;
}

void TestValidation::clientId() {
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QString message;
    const auto code = rejection([&] { v::clientId(input.toStdString()); }, &message);
    QCOMPARE(code, valid ? std::nullopt : std::optional(ErrorCode::BadRequest));
    if (!valid) {
        QVERIFY2(message.startsWith("client_id: "), qPrintable(message));
    }
}

void TestValidation::ids_data() {
    QTest::addColumn<qint64>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("1") << qint64(1) << true;
    QTest::newRow("2^53-1") << (qint64(1) << 53) - 1 << true;
    QTest::newRow("0") << qint64(0) << false;
    QTest::newRow("-1") << qint64(-1) << false;
    QTest::newRow("2^53") << (qint64(1) << 53) << false;
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << false;
}

void TestValidation::ids() {
    QFETCH(qint64, id);
    QFETCH(bool, valid);
    QCOMPARE(v::isValidId(id), valid);
    QString message;
    const auto code = rejection([&] { v::id(id, "user_id"); }, &message);
    QCOMPARE(code, valid ? std::nullopt : std::optional(ErrorCode::BadRequest));
    if (!valid) {
        QVERIFY2(message.startsWith("user_id: "), qPrintable(message));
    }
}

void TestValidation::codePoints() {
    QCOMPARE(v::codePoints(""), 0u);
    QCOMPARE(v::codePoints("abc"), 3u);
    QCOMPARE(v::codePoints("é字😀"), 3u);
    QVERIFY(v::isValidUtf8("é字😀"));
    QVERIFY(!v::isValidUtf8("\xc3"));
}

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
