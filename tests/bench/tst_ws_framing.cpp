// The load programs' hand-made WebSocket framing against RFC 6455's own examples (§5.7).
#include <QTest>
#include <stdexcept>
#include <string>

#include "bench/common/ws_framing.h"

using namespace bench;

namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int v : values)
        out += static_cast<char>(v);
    return out;
}

}  // namespace

class TestWsFraming : public QObject {
    Q_OBJECT
private slots:
    void aMaskedClientFrameMatchesTheRfcExample() {
        // §5.7: a single-frame masked text message "Hello", mask 37 fa 21 3d.
        QCOMPARE(clientFrame(opcode::kText, "Hello", 0x37fa213d),
                 bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}));
    }

    void lengthsPast125And65535TakeTheLongerHeaders() {
        const std::string medium(126, 'a'), large(65536, 'b');
        const auto m = clientFrame(opcode::kText, medium, 0);
        QCOMPARE(static_cast<unsigned char>(m[1]), 0x80 | 126);
        QCOMPARE(m.size(), 4 + 4 + medium.size());
        const auto l = clientFrame(opcode::kText, large, 0);
        QCOMPARE(static_cast<unsigned char>(l[1]), 0x80 | 127);
        QCOMPARE(l.size(), 10 + 4 + large.size());
        QCOMPARE(l.substr(14), large);  // a zero key leaves the payload as it is
    }

    void serverFramesAreReadWholeOrNotAtAll() {
        // §5.7: an unmasked text message "Hello", then the start of a second frame.
        const auto two = bytes({0x81, 0x05, 'H', 'e', 'l', 'l', 'o', 0x81, 0x05, 'W'});
        std::size_t needed = 0;
        const auto first = nextServerFrame(two, needed);
        QVERIFY(first);
        QCOMPARE(first->opcode, opcode::kText);
        QVERIFY(first->fin);
        QCOMPARE(first->payload, std::string_view("Hello"));
        QCOMPARE(first->size, std::size_t{7});
        QVERIFY(!nextServerFrame(std::string_view(two).substr(7), needed));
        QCOMPARE(needed, std::size_t{7});
        QVERIFY(!nextServerFrame(std::string_view(two).substr(9, 1), needed));
        QCOMPARE(needed, std::size_t{0});
    }

    void aLongServerFrameSaysHowMuchItNeeds() {
        std::string frame = bytes({0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0});  // 65,536 bytes
        std::size_t needed = 0;
        QVERIFY(!nextServerFrame(frame, needed));
        QCOMPARE(needed, std::size_t{10 + 65536});
        frame += std::string(65536, 'x');
        const auto whole = nextServerFrame(frame, needed);
        QVERIFY(whole);
        QCOMPARE(whole->payload.size(), std::size_t{65536});
    }

    void maskedOrExtendedServerFramesAreRefused() {
        std::size_t needed = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 nextServerFrame(bytes({0x81, 0x81, 1, 2, 3, 4, 'x'}), needed));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 nextServerFrame(bytes({0xc1, 0x01, 'x'}), needed));
    }

    void aCloseFrameGivesItsCodeAndReason() {
        const auto reason =
            closeReason(bytes({0x0f, 0xa8, 't', 'o', 'o', ' ', 's', 'l', 'o', 'w'}));
        QCOMPARE(reason.code, 4008);
        QCOMPARE(reason.reason, std::string("too slow"));
        QCOMPARE(closeReason({}).code, 1005);
    }
};

QTEST_APPLESS_MAIN(TestWsFraming)
#include "tst_ws_framing.moc"
