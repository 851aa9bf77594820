# Packaging: a .deb and a .tar.gz of the client and server binaries, the desktop entry and icons.
# Included from the top CMakeLists after every target exists; `cpack -G DEB` / `cpack -G TGZ`.

if(MESSENGER_BUILD_CLIENT)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/messenger.desktop DESTINATION share/applications)
  foreach(size IN ITEMS 256 128 64 32)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/messenger-${size}.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME messenger.png)
  endforeach()
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/messenger.svg
          DESTINATION share/icons/hicolor/scalable/apps)
endif()

set(CPACK_PACKAGE_NAME messenger)
set(CPACK_PACKAGE_VENDOR "Messenger project")
set(CPACK_PACKAGE_CONTACT "Messenger maintainers <maintainers@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "A native desktop messenger (Qt 6) and its self-hosted server (HTTPS and WebSocket over "
       "TLS, SQLite storage): friends, direct chats, groups with roles and moderation, images.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY messenger)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)

# The .tar.gz unpacks to one folder holding bin/ and share/; the .deb installs under /usr.
set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Dependencies come from the binaries' own shared libraries (dpkg-shlibdeps), never by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(MESSENGER_BUILD_CLIENT)
  # The client's cache opens SQLite through Qt's QSQLITE driver, a plugin loaded at run time that
  # dpkg-shlibdeps cannot see; it is merged with the detected dependencies.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
endif()

include(CPack)
