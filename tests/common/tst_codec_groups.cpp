// Round trips of the group answers that are not one of the protocol's objects: ban entries and
// audit entries, and the 400s their bad shapes get.
#include <QtTest>

#include "common/codec.h"

using namespace protocol;

namespace {

User sampleUser() {
    User user;
    user.id = 7;
    user.username = "ana";
    user.displayName = "Ana Ü";
    return user;
}

// The message of the 400 decoding `text` as T throws; "<none>" when it decodes.
template <class T>
QString badRequest(const std::string& text) {
    try {
        decode<T>(text);
    } catch (const ApiError& error) {
        return error.code() == ErrorCode::BadRequest ? QString::fromStdString(error.what())
                                                     : QStringLiteral("<not a 400>");
    }
    return QStringLiteral("<none>");
}

}  // namespace

class TestCodecGroups : public QObject {
    Q_OBJECT

private slots:
    void banEntryRoundTrips() {
        BanEntry ban{sampleUser(), 3, "spam, \"quoted\"", 1'700'000'000'123};
        QVERIFY(decode<BanEntry>(encode(ban)) == ban);
        const std::vector<BanEntry> list{ban, BanEntry{sampleUser(), 4, "", 1}};
        QVERIFY(decode<std::vector<BanEntry>>(serialize(toJson(list))) == list);
    }

    void banEntryShape() {
        const auto json = parseJson(encode(BanEntry{sampleUser(), 3, "r", 9})).as_object();
        QCOMPARE(json.size(), std::size_t{4});
        QCOMPARE(json.at("actor").as_int64(), 3);
        QCOMPARE(json.at("reason").as_string(), "r");
        QCOMPARE(json.at("user").at("id").as_int64(), 7);
        // A missing reason reads as empty.
        const auto noReason = decode<BanEntry>(
            R"({"user":{"id":7,"username":"ana","display_name":"Ana","avatar":null,)"
            R"("status":"offline","last_seen":null},"actor":3,"ts":9})");
        QCOMPARE(QString::fromStdString(noReason.reason), QString());
    }

    void auditEntryRoundTrips() {
        AuditEntry entry{
            11, 1'700'000'000'000, 3, "member.role", 7, R"({"previous":"member","role":"admin"})"};
        QVERIFY(decode<AuditEntry>(encode(entry)) == entry);
        AuditEntry noTarget{12, 5, 3, "chat.updated", std::nullopt, "{}"};
        QVERIFY(decode<AuditEntry>(encode(noTarget)) == noTarget);
        const std::vector<AuditEntry> list{entry, noTarget};
        QVERIFY(decode<std::vector<AuditEntry>>(serialize(toJson(list))) == list);
    }

    void auditEntryDetailsAreAnObject() {
        const auto json =
            parseJson(encode(AuditEntry{1, 2, 3, "member.banned", 4, R"({"reason":"x"})"}))
                .as_object();
        QVERIFY(json.at("details").is_object());
        QCOMPARE(json.at("details").at("reason").as_string(), "x");
        QVERIFY(parseJson(encode(AuditEntry{1, 2, 3, "pin.changed", std::nullopt, "{}"}))
                    .as_object()
                    .at("target")
                    .is_null());
        // Details that are not an object are written as {} rather than as broken JSON.
        QVERIFY(parseJson(encode(AuditEntry{1, 2, 3, "a", std::nullopt, "[1]"}))
                    .as_object()
                    .at("details")
                    .as_object()
                    .empty());
    }

    void badShapesAre400NamingTheField() {
        QVERIFY(badRequest<AuditEntry>(
                    R"({"id":1,"ts":2,"actor":3,"action":"a","target":null,"details":[]})")
                    .startsWith("details: "));
        QVERIFY(badRequest<AuditEntry>(R"({"id":1,"ts":2,"actor":3,"target":null})")
                    .startsWith("action: "));
        QVERIFY(badRequest<BanEntry>(R"({"user":5,"actor":3,"ts":9})").startsWith("user"));
        QVERIFY(badRequest<BanEntry>(
                    R"({"user":{"id":7,"username":"a","display_name":"A","avatar":null,)"
                    R"("status":"offline","last_seen":null},"actor":"x","ts":9})")
                    .startsWith("actor: "));
        QCOMPARE(badRequest<std::vector<BanEntry>>("{}").isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestCodecGroups)
#include "tst_codec_groups.moc"
