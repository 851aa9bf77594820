// Tests of the JSON codec: golden frames byte for byte, round trips, and the 400s bad input gets.
#include <QDir>
#include <QFile>
#include <QtTest>
#include <functional>

#include "common/codec.h"
#include "samples.h"

using namespace protocol;

namespace {

// One golden file: what encoding gives, and whether the file decodes back to the same value.
struct GoldenCase {
    std::string encoded;
    std::function<bool(const std::string&)> decodesBack;

    template <class T>
    static GoldenCase of(const T& value) {
        return {encode(value),
                [value](const std::string& text) { return decode<T>(text) == value; }};
    }
};

ErrorCode errorOf(const std::function<void()>& action, QString* message) {
    try {
        action();
    } catch (const ApiError& e) {
        *message = QString::fromStdString(e.what());
        return e.code();
    }
    *message = QStringLiteral("<no error>");
    return ErrorCode::Internal;
}

template <class T>
QString decodeError(const std::string& text) {
    QString message;
    const ErrorCode code = errorOf([&] { decode<T>(text); }, &message);
    return code == ErrorCode::BadRequest ? message : QStringLiteral("<not a 400> ") + message;
}

}  // namespace

Q_DECLARE_METATYPE(GoldenCase)
Q_DECLARE_METATYPE(std::function<QString()>)

class TestCodec : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void optionalFieldsAreNullNotOmitted();
    void nullMeansAbsent();
    void unknownFieldsAreIgnored();
    void patchMeDistinguishesNullAvatarFromAbsent();
    void eventDataIsEmbeddedAsAnObject();
    void idBounds_data();
    void idBounds();
    void badInputNamesTheField_data();
    void badInputNamesTheField();
    void malformedJsonIs400_data();
    void malformedJsonIs400();
    void errorBodyRoundTrip();
    void arraysOfObjects();
};

void TestCodec::golden_data() {
    QTest::addColumn<GoldenCase>("golden");
    using namespace samples;
    QTest::newRow("user.json") << GoldenCase::of(user());
    QTest::newRow("user_online.json") << GoldenCase::of(onlineUser());
    QTest::newRow("media.json") << GoldenCase::of(media());
    QTest::newRow("message.json") << GoldenCase::of(message());
    QTest::newRow("message_deleted.json") << GoldenCase::of(deletedMessage());
    QTest::newRow("chat.json") << GoldenCase::of(groupChat());
    QTest::newRow("chat_direct.json") << GoldenCase::of(directChat());
    QTest::newRow("event.json") << GoldenCase::of(samples::event());
    QTest::newRow("notification.json") << GoldenCase::of(notification());
    QTest::newRow("notification_friend.json") << GoldenCase::of(friendNotification());
    QTest::newRow("friend_request.json") << GoldenCase::of(friendRequest());
    QTest::newRow("member.json") << GoldenCase::of(member());
    QTest::newRow("auth_response.json") << GoldenCase::of(AuthResponse{"tok_abc123", user()});
    QTest::newRow("me_response.json") << GoldenCase::of(MeResponse{onlineUser(), 4});
    QTest::newRow("register_request.json")
        << GoldenCase::of(RegisterRequest{"Alice", "correct horse", "Alice L."});
    QTest::newRow("register_request_minimal.json")
        << GoldenCase::of(RegisterRequest{"alice", "correct horse", std::nullopt});
    QTest::newRow("login_request.json")
        << GoldenCase::of(LoginRequest{"alice", "correct horse", "laptop"});
    QTest::newRow("patch_me_request.json")
        << GoldenCase::of(PatchMeRequest{"New Name", true, std::nullopt});
    QTest::newRow("password_change_request.json")
        << GoldenCase::of(PasswordChangeRequest{"old password", "new password"});

    QTest::newRow("frame_hello.json") << GoldenCase::of(ClientFrame{ws::Hello{"tok_abc123"}});
    QTest::newRow("frame_send.json")
        << GoldenCase::of(ClientFrame{ws::Send{12, "c-1", "hi", {std::string(64, 'b')}, 9000}});
    QTest::newRow("frame_send_minimal.json")
        << GoldenCase::of(ClientFrame{ws::Send{12, "c-2", "hi", {}, std::nullopt}});
    QTest::newRow("frame_typing_in.json") << GoldenCase::of(ClientFrame{ws::TypingIn{12}});
    QTest::newRow("frame_read_in.json") << GoldenCase::of(ClientFrame{ws::ReadIn{12, 58}});
    QTest::newRow("frame_ping.json") << GoldenCase::of(ClientFrame{ws::Ping{"n1"}});
    QTest::newRow("frame_ping_bare.json") << GoldenCase::of(ClientFrame{ws::Ping{}});

    QTest::newRow("frame_ready.json") << GoldenCase::of(ServerFrame{ws::Ready{user(), 25000}});
    QTest::newRow("frame_ack.json") << GoldenCase::of(ServerFrame{ws::Ack{"c-1", message()}});
    QTest::newRow("frame_error.json")
        << GoldenCase::of(ServerFrame{ws::Error{"rate_limited", "slow down", "c-1", 1200}});
    QTest::newRow("frame_error_bare.json")
        << GoldenCase::of(ServerFrame{ws::Error{"unauthorized", {}, {}, {}}});
    QTest::newRow("frame_pong.json") << GoldenCase::of(ServerFrame{ws::Pong{"n1"}});
    QTest::newRow("frame_event.json")
        << GoldenCase::of(ServerFrame{ws::EventOut{samples::event()}});
    QTest::newRow("frame_typing.json") << GoldenCase::of(ServerFrame{ws::TypingOut{12, 7}});
    QTest::newRow("frame_presence.json")
        << GoldenCase::of(ServerFrame{ws::PresenceOut{7, Presence::Offline, 1700000009000}});
    QTest::newRow("frame_presence_online.json")
        << GoldenCase::of(ServerFrame{ws::PresenceOut{7, Presence::Online, std::nullopt}});
    QTest::newRow("frame_read.json") << GoldenCase::of(ServerFrame{ws::ReadOut{13, 7, 1}});
    QTest::newRow("frame_notification.json")
        << GoldenCase::of(ServerFrame{ws::NotificationOut{notification()}});
    QTest::newRow("frame_chat_added.json")
        << GoldenCase::of(ServerFrame{ws::ChatAdded{directChat()}});
    QTest::newRow("frame_chat_removed.json")
        << GoldenCase::of(ServerFrame{ws::ChatRemoved{12, "kicked"}});
    QTest::newRow("frame_friend_request.json")
        << GoldenCase::of(ServerFrame{ws::FriendRequestOut{friendRequest()}});
    QTest::newRow("frame_friend_removed.json") << GoldenCase::of(ServerFrame{ws::FriendRemoved{7}});
}

void TestCodec::golden() {
    QFETCH(GoldenCase, golden);
    const QString path =
        QDir(QStringLiteral(MESSENGER_GOLDEN_DIR)).filePath(QTest::currentDataTag());
    QFile file(path);
    if (qEnvironmentVariableIsSet("MESSENGER_UPDATE_GOLDEN")) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::fromStdString(golden.encoded + "\n"));
        file.close();
    }
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QByteArray expected = file.readAll();
    if (expected.endsWith('\n')) {
        expected.chop(1);
    }
    QCOMPARE(QByteArray::fromStdString(golden.encoded), expected);
    QVERIFY(golden.decodesBack(expected.toStdString()));
}

void TestCodec::optionalFieldsAreNullNotOmitted() {
    const auto json = parseJson(encode(samples::directChat())).as_object();
    for (const char* key : {"avatar", "notifications_muted_until", "last_message"}) {
        QVERIFY2(json.contains(key), key);
        QVERIFY2(json.at(key).is_null(), key);
    }
    const auto user = parseJson(encode(samples::onlineUser())).as_object();
    QVERIFY(user.at("last_seen").is_null());
    const auto presence =
        parseJson(encode(ServerFrame{ws::PresenceOut{7, Presence::Offline, std::nullopt}}));
    QVERIFY(presence.as_object().at("last_seen").is_null());
}

void TestCodec::nullMeansAbsent() {
    const auto request =
        decode<RegisterRequest>(R"({"username":"a","password":"b","display_name":null})");
    QVERIFY(!request.displayName);
    const auto send = std::get<ws::Send>(decode<ClientFrame>(
        R"({"op":"send","chat_id":1,"client_id":"c","text":null,"media":null,"reply_to":null})"));
    QVERIFY(!send.text);
    QVERIFY(send.media.empty());
    QVERIFY(!send.replyTo);
}

void TestCodec::unknownFieldsAreIgnored() {
    const auto login = decode<LoginRequest>(
        R"({"username":"alice","extra":{"deep":[1,2]},"password":"pw","x":null})");
    QCOMPARE(login.username, "alice");
    QCOMPARE(login.password, "pw");
    QVERIFY(std::holds_alternative<ws::Ping>(decode<ClientFrame>(R"({"op":"ping","v":2})")));
}

void TestCodec::patchMeDistinguishesNullAvatarFromAbsent() {
    const auto absent = decode<PatchMeRequest>(R"({"display_name":"X"})");
    QVERIFY(!absent.avatarPresent);
    QCOMPARE(absent.displayName.value_or(""), "X");
    const auto cleared = decode<PatchMeRequest>(R"({"avatar":null,"display_name":null})");
    QVERIFY(cleared.avatarPresent);
    QVERIFY(!cleared.avatar);
    QVERIFY(!cleared.displayName);
    const auto set = decode<PatchMeRequest>(R"({"avatar":"abc"})");
    QVERIFY(set.avatarPresent);
    QCOMPARE(set.avatar.value_or(""), "abc");
}

void TestCodec::eventDataIsEmbeddedAsAnObject() {
    Event e = samples::event();
    e.dataJson = R"({"message":{"id":1},"list":[1,"two"]})";
    const auto json = parseJson(encode(e));
    QVERIFY(json.as_object().at("data").is_object());
    QCOMPARE(json.as_object().at("data").as_object().at("list").as_array().size(), 2u);
    QCOMPARE(decode<Event>(encode(e)).dataJson, e.dataJson);
    e.dataJson.clear();
    QCOMPARE(decode<Event>(encode(e)).dataJson, "{}");
    QVERIFY(decodeError<Event>(R"({"chat_id":1,"seq":1,"ts":0,"type":"x","actor":1,"data":[1]})")
                .startsWith("data: "));
}

void TestCodec::idBounds_data() {
    QTest::addColumn<QString>("chatId");
    QTest::addColumn<bool>("valid");
    QTest::newRow("1") << "1" << true;
    QTest::newRow("2^53-1") << "9007199254740991" << true;
    QTest::newRow("integral double") << "5.0" << true;
    QTest::newRow("0") << "0" << false;
    QTest::newRow("-1") << "-1" << false;
    QTest::newRow("2^53") << "9007199254740992" << false;
    QTest::newRow("2^63") << "9223372036854775808" << false;
    QTest::newRow("2^64") << "18446744073709551616" << false;
    QTest::newRow("fraction") << "1.5" << false;
    QTest::newRow("exponent") << "1e300" << false;
    QTest::newRow("string") << "\"5\"" << false;
    QTest::newRow("bool") << "true" << false;
    QTest::newRow("object") << "{}" << false;
}

void TestCodec::idBounds() {
    QFETCH(QString, chatId);
    QFETCH(bool, valid);
    const std::string text = R"({"op":"typing","chat_id":)" + chatId.toStdString() + "}";
    if (valid) {
        QVERIFY(std::get<ws::TypingIn>(decode<ClientFrame>(text)).chatId > 0);
    } else {
        const QString message = decodeError<ClientFrame>(text);
        QVERIFY2(message.startsWith("chat_id: "), qPrintable(message));
    }
}

void TestCodec::badInputNamesTheField_data() {
    QTest::addColumn<std::function<QString()>>("decodeIt");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char* name, std::function<QString()> f, const char* expected) {
        QTest::newRow(name) << f << QString::fromUtf8(expected);
    };
    add(
        "wrong type",
        [] { return decodeError<RegisterRequest>(R"({"username":5,"password":"x"})"); },
        "username: expected a string");
    add(
        "missing", [] { return decodeError<LoginRequest>(R"({"username":"a"})"); },
        "password: is required");
    add(
        "not an object", [] { return decodeError<LoginRequest>("[1]"); },
        "body: expected an object");
    add(
        "unknown op", [] { return decodeError<ClientFrame>(R"({"op":"fly"})"); },
        "op: unknown op 'fly'");
    add(
        "server op from client", [] { return decodeError<ClientFrame>(R"({"op":"ready"})"); },
        "op: unknown op 'ready'");
    add(
        "missing op", [] { return decodeError<ClientFrame>(R"({"token":"t"})"); },
        "op: is required");
    add(
        "op not a string", [] { return decodeError<ClientFrame>(R"({"op":1})"); },
        "op: expected a string");
    add(
        "media element",
        [] {
            return decodeError<ClientFrame>(
                R"({"op":"send","chat_id":1,"client_id":"c","media":["a",2]})");
        },
        "media[1]: expected a string");
    add(
        "media not array",
        [] {
            return decodeError<ClientFrame>(
                R"({"op":"send","chat_id":1,"client_id":"c","media":"a"})");
        },
        "media: expected an array");
    add(
        "nested user",
        [] {
            return decodeError<AuthResponse>(
                R"({"token":"t","user":{"id":1,"username":"a","display_name":[]}})");
        },
        "user.display_name: expected a string");
    add(
        "unknown role",
        [] {
            return decodeError<Member>(
                R"({"user":{"id":1,"username":"a","display_name":"A"},"role":"king","joined_ts":0})");
        },
        "role: unknown value 'king'");
    add(
        "read seq negative",
        [] { return decodeError<ClientFrame>(R"({"op":"read","chat_id":1,"seq":-3})"); },
        "seq: out of range");
    add(
        "ping nonce type", [] { return decodeError<ClientFrame>(R"({"op":"ping","nonce":{}})"); },
        "nonce: expected a string");
    add(
        "reply_to zero",
        [] {
            return decodeError<ClientFrame>(
                R"({"op":"send","chat_id":1,"client_id":"c","reply_to":0})");
        },
        "reply_to: must be a positive integer below 2^53");
}

void TestCodec::badInputNamesTheField() {
    QFETCH(std::function<QString()>, decodeIt);
    QFETCH(QString, expected);
    QCOMPARE(decodeIt(), expected);
}

void TestCodec::malformedJsonIs400_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("truncated") << QByteArray(R"({"op":"ping")");
    QTest::newRow("trailing garbage") << QByteArray(R"({} x)");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("comment") << QByteArray("{/* c */}");
    QTest::newRow("lone high surrogate") << QByteArray(R"({"text":"\ud800"})");
    QTest::newRow("lone high surrogate then text") << QByteArray(R"({"text":"\ud800abcdefgh"})");
    QTest::newRow("lone low surrogate") << QByteArray(R"({"text":"\udc00abcdefgh"})");
    QTest::newRow("reversed pair") << QByteArray(R"({"text":"\ude00\ud83d"})");
    QTest::newRow("high then non-surrogate") << QByteArray(R"({"text":"\ud800\u0041"})");
    QTest::newRow("raw invalid byte") << QByteArray("{\"text\":\"\xff\"}");
    QTest::newRow("overlong slash") << QByteArray("{\"text\":\"\xc0\xaf\"}");
    QTest::newRow("utf8-encoded surrogate") << QByteArray("{\"text\":\"\xed\xa0\x80\"}");
    QTest::newRow("invalid byte in key") << QByteArray("{\"\xfe\":1}");
}

void TestCodec::malformedJsonIs400() {
    QFETCH(QByteArray, text);
    QString message;
    QCOMPARE(errorOf([&] { parseJson(text.toStdString()); }, &message), ErrorCode::BadRequest);
    QVERIFY2(message.startsWith("body: "), qPrintable(message));
}

void TestCodec::errorBodyRoundTrip() {
    const std::string body = errorBody(ErrorCode::UsernameTaken, "username: already taken");
    QCOMPARE(body, R"({"error":{"code":"username_taken","message":"username: already taken"}})");
    const auto parsed = parseErrorBody(body);
    QVERIFY(parsed);
    QCOMPARE(parsed->first, "username_taken");
    QCOMPARE(parsed->second, "username: already taken");
    QVERIFY(!parseErrorBody(R"({"user":{}})"));
    QVERIFY(!parseErrorBody("<html>502</html>"));
    QVERIFY(!parseErrorBody(R"({"error":{"code":5}})"));
}

void TestCodec::arraysOfObjects() {
    const std::vector<User> users{samples::user(), samples::onlineUser()};
    QCOMPARE(decode<std::vector<User>>(encode(users)), users);
    QCOMPARE(encode(std::vector<User>{}), "[]");
    const QString message = decodeError<std::vector<User>>(
        R"([{"id":1,"username":"a","display_name":"A"},{"id":"x"}])");
    QVERIFY2(message.startsWith("[1].id: "), qPrintable(message));
    const std::vector<Chat> chats{samples::groupChat(), samples::directChat()};
    QCOMPARE(decode<std::vector<Chat>>(encode(chats)), chats);
}

QTEST_APPLESS_MAIN(TestCodec)
#include "tst_codec.moc"
