# Unitron - top-level build.
#
#   make demo           build and run the sample application (posix port)
#   make test           every test: host (test-host) and QEMU (test-vm)
#   make APP=dir        build a µITRON application (see README)
#   make module APP=dir build it as a kernel module (linux port)
#   make image APP=dir  build it as an image for a core of its own
#   make loader         the own-core loader, unitron_core.ko
#   make try APP=dir    boot QEMU with it as a module: a shell, or SCRIPT=;
#                       CORE=1: as an image on a core of its own
#   make kernelware     kernelware.ko, libkw, kwrun and the examples
#   make libunitron     the bridge's library for Linux programs (+ .pc)
#   make install        libunitron, its headers and .pc, unitronctl
#   make bench          benchmarks; results in bench/RESULTS.md
#   make deps           install the Debian packages the project needs

TOP := $(CURDIR)
include mk/common.mk

CORE_SRCS	:= $(wildcard itron/kernel/*.c)
PORT_SRCS	:= $(wildcard port/$(PORT)/*.c)
PORT_ASRCS	:= $(wildcard port/$(PORT)/*_$(shell uname -m).S)
SYSTASK_SRCS	:= $(wildcard systask/*.c)
LIB_OBJS	:= $(patsubst %.c,$(BUILD)/$(PORT)/%.o,$(CORE_SRCS) $(PORT_SRCS) \
			$(SYSTASK_SRCS)) \
		   $(patsubst %.S,$(BUILD)/$(PORT)/%.o,$(PORT_ASRCS))

ifneq ($(APP),)
.DEFAULT_GOAL := app
endif

.PHONY: all app lib cfg module image loader try kernelware libunitron unitronctl unitron-proxyd unitron-netd \
	install demo \
	test test-host bench deps clean

all: lib cfg libunitron unitronctl unitron-proxyd unitron-netd

lib: $(LIBKERNEL)
cfg: $(CFG)

$(CFG): $(wildcard cfg/*.c cfg/*.h)
	$(MAKE) -C cfg

$(LIBKERNEL): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/$(PORT)/itron/kernel/%.o: itron/kernel/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CORE) $(INCLUDES) -MMD -c $< -o $@

$(BUILD)/$(PORT)/port/%.o: port/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_HOST) $(INCLUDES) -MMD -c $< -o $@

$(BUILD)/$(PORT)/port/%.o: port/%.S
	@mkdir -p $(dir $@)
	$(CC) -c $< -o $@

$(BUILD)/$(PORT)/systask/%.o: systask/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CORE) $(INCLUDES) -MMD -c $< -o $@

app: lib cfg
	$(MAKE) -f mk/app.mk APP=$(APP) $(if $(CFGFILE),CFGFILE=$(CFGFILE)) \
		$(if $(API),API=$(API))

# A µITRON application as a kernel module (linux port): FLAVOUR=std|rt
# builds against the Debian kernel the QEMU tests use; KDIR=dir builds
# against another kernel tree (your own machine's headers).  The module
# is named after the .cfg (CFGFILE= picks one), as the posix program is.
FLAVOUR		?= std
MODULE_CFG	= $(or $(CFGFILE),$(notdir $(wildcard $(abspath $(APP))/*.cfg)))
MODULE_NAME	= $(basename $(notdir $(MODULE_CFG)))
MODULE_SRC	= $(BUILD)/module-src/$(MODULE_NAME)
MODULE_OUT	= $(BUILD)/modules/$(if $(KDIR),kdir,$(FLAVOUR))/$(MODULE_NAME)
module: cfg
	@test -n "$(APP)" || { echo "usage: make module APP=dir [CFGFILE=name.cfg] [FLAVOUR=std|rt | KDIR=dir]"; exit 2; }
	@test -d "$(APP)" || { echo "make module: APP=$(APP): no such directory"; exit 2; }
	@test "$(words $(MODULE_CFG))" = 1 || { echo "make module: APP=$(APP): expected one .cfg, found '$(MODULE_CFG)'; set CFGFILE="; exit 2; }
	CFGFILE='$(MODULE_CFG)' APP_DEFS='$(APP_DEFS)' API='$(API)' port/linux/mkmodule.sh $(APP) $(MODULE_SRC)
	tools/vm/kbuild.sh -q $(or $(KDIR),$(FLAVOUR)) $(MODULE_SRC) $(MODULE_OUT)
	@echo "module: $(MODULE_OUT)/$(MODULE_NAME).ko"

# The own-core port: an application as an image (build/images/NAME.img),
# and the loader unitron_core.ko against FLAVOUR's Debian headers (or
# KDIR: your own machine's), as make module does.
image: cfg
	@test -n "$(APP)" || { echo "usage: make image APP=dir [CFGFILE=name.cfg]"; exit 2; }
	@test -d "$(APP)" || { echo "make image: APP=$(APP): no such directory"; exit 2; }
	CFGFILE='$(CFGFILE)' APP_DEFS='$(APP_DEFS)' API='$(API)' port/bare/mkimage.sh $(APP) $(BUILD)/images/$(MODULE_NAME) >/dev/null
	@mv $(BUILD)/images/$(MODULE_NAME)/$(MODULE_NAME).img $(BUILD)/images/
	@echo "image: $(BUILD)/images/$(MODULE_NAME).img"

LOADER_SRC := $(BUILD)/loader-src
LOADER_OUT = $(BUILD)/modules/$(if $(KDIR),kdir,$(FLAVOUR))/unitron_core
loader:
	port/bare/mkloader.sh $(LOADER_SRC)
	tools/vm/kbuild.sh -q $(or $(KDIR),$(FLAVOUR)) $(LOADER_SRC) $(LOADER_OUT)
	@echo "module: $(LOADER_OUT)/unitron_core.ko"

# Kernelware: the user side in build/kernelware/, the module against
# FLAVOUR's Debian headers (or KDIR).
KW_SRC := $(BUILD)/kernelware-src
kernelware:
	$(MAKE) -C kernelware
	kernelware/stage.sh $(KW_SRC)
ifdef KDIR
	$(MAKE) -C $(KDIR) M=$(abspath $(KW_SRC)) modules
	@echo "module: $(KW_SRC)/kernelware.ko"
else
	tools/vm/kbuild.sh -q $(FLAVOUR) $(KW_SRC) $(BUILD)/modules/$(FLAVOUR)/kernelware
	@echo "module: $(BUILD)/modules/$(FLAVOUR)/kernelware/kernelware.ko"
endif

# libunitron: Linux programs' side of the bridge, for both ports.  The
# .pc in build/lib/pkgconfig serves builds against this tree; `make
# install [PREFIX=/usr/local]` installs one for PREFIX.
CLIENT		:= $(BUILD)/lib
CLIENT_CFLAGS	:= -std=gnu11 -O2 -g -fPIC -Wall -Wextra -Werror -Ibridge/include
PREFIX		?= /usr/local
libunitron: $(CLIENT)/libunitron.a $(CLIENT)/libunitron.so \
	    $(CLIENT)/pkgconfig/unitron.pc

CLIENT_OBJS	:= $(CLIENT)/libunitron.o $(CLIENT)/cluster.o
CLIENT_HDRS	:= $(wildcard bridge/include/unitron*.h) bridge/lib/cluster.h
$(CLIENT)/%.o: bridge/lib/%.c $(CLIENT_HDRS)
	@mkdir -p $(CLIENT)
	$(CC) $(CLIENT_CFLAGS) -c $< -o $@

$(CLIENT)/libunitron.a: $(CLIENT_OBJS)
	rm -f $@
	ar rcs $@ $^

$(CLIENT)/libunitron.so: $(CLIENT_OBJS)
	$(CC) -shared -Wl,-soname,libunitron.so.1 -o $@.1 $^
	ln -sf libunitron.so.1 $@

# unitron.pc for prefix $(1), libraries in $(2), headers in $(3).
unitron_pc = sed -e 's|@PREFIX@|$(1)|' -e 's|@LIBDIR@|$(2)|' \
		 -e 's|@INCLUDEDIR@|$(3)|' bridge/lib/unitron.pc.in

$(CLIENT)/pkgconfig/unitron.pc: bridge/lib/unitron.pc.in
	@mkdir -p $(dir $@)
	$(call unitron_pc,$(TOP),$(CLIENT),$(TOP)/bridge/include) >$@

install: libunitron unitronctl unitron-proxyd unitron-netd
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/bin
	install -m 644 $(CLIENT)/libunitron.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(CLIENT)/libunitron.so.1 $(DESTDIR)$(PREFIX)/lib/
	ln -sf libunitron.so.1 $(DESTDIR)$(PREFIX)/lib/libunitron.so
	install -m 644 bridge/include/unitron.h bridge/include/unitron_brg_abi.h \
		bridge/include/unitron_net_abi.h \
		$(DESTDIR)$(PREFIX)/include/
	$(call unitron_pc,$(PREFIX),$(PREFIX)/lib,$(PREFIX)/include) \
		>$(DESTDIR)$(PREFIX)/lib/pkgconfig/unitron.pc
	install -m 755 $(BUILD)/unitronctl $(BUILD)/unitron-proxyd \
		$(BUILD)/unitron-netd \
		$(DESTDIR)$(PREFIX)/bin/

# The proxy server: Linux I/O for µITRON tasks (bridge/proxy).
unitron-proxyd: $(BUILD)/unitron-proxyd
$(BUILD)/unitron-proxyd: bridge/proxy/unitron-proxyd.c \
			 bridge/include/unitron_vio_abi.h
	@mkdir -p $(BUILD)
	$(CC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Ibridge/include -o $@ $<

# The node daemon: this node's objects for the TIPC cluster (bridge/netd).
unitron-netd: $(BUILD)/unitron-netd
$(BUILD)/unitron-netd: bridge/netd/unitron-netd.c $(CLIENT_HDRS) \
		       $(CLIENT)/libunitron.a
	@mkdir -p $(BUILD)
	$(CC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Ibridge/include -o $@ $< \
		$(CLIENT)/libunitron.a -lpthread

unitronctl: $(BUILD)/unitronctl
$(BUILD)/unitronctl: tools/unitronctl/unitronctl.c port/linux/unitron_ioctl.h \
		     $(CLIENT)/libunitron.a
	@mkdir -p $(BUILD)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -I. -Ibridge/include -o $@ $< \
		$(CLIENT)/libunitron.a

demo: lib cfg
	$(MAKE) -f mk/app.mk APP=examples/sample1
	examples/sample1/demo.sh $(BUILD)/app/examples_sample1/sample1

# One prove run for everything, so its summary counts every test.
test: deps
	tests/run.sh all

test-host: lib cfg
	tests/run.sh host

# Every part in wall-clock time, then the real-time tables of the linux
# port again in virtual time (QEMU -icount), where the host's load
# cannot reach them.
bench: lib cfg
	bench/run.sh
	bench/run.sh -i linux owncore

deps:
	tools/deps.sh

# Try applications on the linux port in QEMU (CORE=1: the own-core
# port), with unitronctl, unitron-proxyd and trace-cmd: an interactive
# shell, or SCRIPT's run (its output and exit status).  APP may list
# several directories.
TRY_TIMEOUT	?= 600
try: vm-deps cfg
	@test -n "$(APP)" || { echo "usage: make try APP=dir... [CORE=1] [FLAVOUR=std|rt] [SCRIPT=file] [CFGFILE=name.cfg]"; exit 2; }
	CFGFILE='$(CFGFILE)' APP_DEFS='$(APP_DEFS)' tools/vm/try.sh -f $(FLAVOUR) \
		-t $(TRY_TIMEOUT) $(if $(CORE),-c) $(if $(SCRIPT),-s $(SCRIPT)) $(APP)

# QEMU harness: vm-deps, test-vm, vm-shell, vm-clean (tools/vm/README.md).
include tools/vm/vm.mk

clean:
	rm -rf $(BUILD)
	$(MAKE) -C cfg clean

-include $(shell find $(BUILD)/$(PORT) -name '*.d' -type f 2>/dev/null)
