# What `cmake --install` puts under the prefix and `cpack -G DEB` packs
# (docs/installing.md): the tools, their man pages and bash completions, the
# runtime header the instrumented programs include, and the kernel module's
# sources laid out for DKMS.
include(GNUInstallDirs)

install(TARGETS inxpect-instrument inxpect-run RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# include/inxpect, not share/: it is a C header compiled into the user's
# programs (-I PREFIX/include/inxpect), and inxpect-instrument looks for it
# there, beside its own bin/ (ToolDefaults.cpp).
install(FILES ${INXPECT_RUNTIME_DIR}/inxpect.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/inxpect)

# The man pages and bash completions the tools wrote of themselves (ToolDocs.cmake);
# bash-completion loads a command's file by its name on first use.
include(${CMAKE_CURRENT_LIST_DIR}/ToolDocs.cmake)
install(FILES ${INXPECT_DOCS_DIR}/man1/inxpect-instrument.1.gz ${INXPECT_DOCS_DIR}/man1/inxpect-run.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${INXPECT_DOCS_DIR}/completions/inxpect-instrument ${INXPECT_DOCS_DIR}/completions/inxpect-run
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# compare --deterministic's QEMU guest (GuestCompare.cpp finds it beside
# bin/): the driver, its guest's init, and the VM test's pieces that fetch
# Debian's kernel image, pack the initramfs and boot it (not the module's
# build: the guest runs on the clock).
install(PROGRAMS ${CMAKE_SOURCE_DIR}/bench/guest_driver.sh ${CMAKE_SOURCE_DIR}/bench/guest_driver_init.sh
                 ${CMAKE_SOURCE_DIR}/test/vm/fetch-kernel.sh ${CMAKE_SOURCE_DIR}/test/vm/initramfs.sh
                 ${CMAKE_SOURCE_DIR}/test/vm/boot.sh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/inxpect/guest)
install(FILES ${CMAKE_SOURCE_DIR}/test/vm/guest-common.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/inxpect/guest)

# DKMS takes a module's sources from /usr/src/NAME-VERSION: PREFIX/src, so the
# .deb (prefix /usr) puts them there and a test prefix keeps them inside.
file(STRINGS ${CMAKE_SOURCE_DIR}/runtime/kmod/dkms.conf dkms_version REGEX "^PACKAGE_VERSION=")
if(NOT dkms_version STREQUAL "PACKAGE_VERSION=\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "runtime/kmod/dkms.conf says ${dkms_version}, the project is ${PROJECT_VERSION}")
endif()
set(kmod ${CMAKE_SOURCE_DIR}/runtime/kmod)
set(INXPECT_DKMS_DIR src/inxpect-${PROJECT_VERSION})
install(FILES ${kmod}/dkms.conf ${kmod}/Kbuild ${kmod}/Makefile ${kmod}/inxpect_kmod.h
              ${kmod}/inxpect_module.c ${kmod}/inxpect_kfunc.c ${kmod}/inxpect_events.c
              ${kmod}/inxpect_sysfs.c ${kmod}/inxpect_control.c
        DESTINATION ${INXPECT_DKMS_DIR})
install(PROGRAMS ${kmod}/scripts/build-resolve-btfids.sh DESTINATION ${INXPECT_DKMS_DIR}/scripts)

# The .deb: Depends from dpkg-shlibdeps on the installed tools (libbpf1,
# libclang-cpp19, libllvm19, libncursesw6 for the live table, ...), plus
# clang's resource headers, which inxpect-instrument parses programs with.
set(CPACK_PACKAGE_NAME inxpect)
set(CPACK_PACKAGE_VENDOR inxpect)
set(CPACK_PACKAGE_CONTACT "inxpect developers <inxpect@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Profiler for XDP/eBPF programs: source instrumentation and runner")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${INXPECT_LLVM_MAJOR}-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dkms, clang-${INXPECT_LLVM_MAJOR}, libbpf-dev")
# What compare --deterministic boots its guest with.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qemu-system-x86, busybox, cpio")
# postinst registers the module's sources with DKMS and builds them when dkms
# is installed (a note how to do it later when not); prerm unregisters them.
foreach(script postinst prerm)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/deb/${script}.in ${CMAKE_BINARY_DIR}/deb/${script} @ONLY)
  list(APPEND CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/deb/${script})
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
