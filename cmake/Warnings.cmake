# messenger::warnings: the warning set of our own code (never applied to third-party headers).
add_library(messenger_warnings INTERFACE)
add_library(messenger::warnings ALIAS messenger_warnings)
if(MSVC)
  target_compile_options(messenger_warnings INTERFACE /W4 /WX /permissive- /utf-8)
else()
  target_compile_options(messenger_warnings INTERFACE -Wall -Wextra -Werror)
endif()
