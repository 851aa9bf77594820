#include "bench/client/client_under_test.h"

namespace bench {

ClientUnderTest::ClientUnderTest(QApplication& app, const QString& profileName)
    : m_themes(app), m_profile(profileName), m_flow(m_profile, m_hosts, m_preferences, m_themes) {
    m_themes.apply(m_preferences.themeChoice());
}

void ClientUnderTest::start() {
    m_flow.start();
}

}  // namespace bench
