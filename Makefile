# Unitron - top-level build.
#
#   make demo           build and run the sample application (posix port)
#   make test           every test: host (test-host) and QEMU (test-vm)
#   make APP=dir        build a µITRON application (see README)
#   make module APP=dir build it as a kernel module (linux port)
#   make kernelware     kernelware.ko, libkw, kwrun and the examples
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

.PHONY: all app lib cfg module kernelware unitronctl demo test test-host bench deps clean

all: lib cfg unitronctl

lib: $(LIBUNITRON)
cfg: $(CFG)

$(CFG): $(wildcard cfg/*.c cfg/*.h)
	$(MAKE) -C cfg

$(LIBUNITRON): $(LIB_OBJS)
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
	$(MAKE) -f mk/app.mk APP=$(APP) $(if $(CFGFILE),CFGFILE=$(CFGFILE))

# A µITRON application as a kernel module (linux port): FLAVOUR=std|rt
# builds against the Debian kernel the QEMU tests use; KDIR=dir builds
# against another kernel tree (your own machine's headers).
MODULE_NAME	= $(notdir $(abspath $(APP)))
MODULE_SRC	= $(BUILD)/module-src/$(MODULE_NAME)
FLAVOUR		?= std
module: cfg
	@test -n "$(APP)" || { echo "usage: make module APP=dir [FLAVOUR=std|rt | KDIR=dir]"; exit 2; }
	APP_DEFS='$(APP_DEFS)' port/linux/mkmodule.sh $(APP) $(MODULE_SRC)
ifdef KDIR
	$(MAKE) -C $(KDIR) M=$(MODULE_SRC) modules
	@echo "module: $(MODULE_SRC)/$(MODULE_NAME).ko"
else
	tools/vm/kbuild.sh -q $(FLAVOUR) $(MODULE_SRC) $(BUILD)/modules/$(FLAVOUR)/$(MODULE_NAME)
	@echo "module: $(BUILD)/modules/$(FLAVOUR)/$(MODULE_NAME)/$(MODULE_NAME).ko"
endif

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

unitronctl: $(BUILD)/unitronctl
$(BUILD)/unitronctl: tools/unitronctl/unitronctl.c port/linux/unitron_ioctl.h
	@mkdir -p $(BUILD)
	$(CC) -std=c11 -O2 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -I. -o $@ $<

demo: lib cfg
	$(MAKE) -f mk/app.mk APP=examples/sample1
	examples/sample1/demo.sh $(BUILD)/app/examples_sample1/sample1

# One prove run for everything, so its summary counts every test.
test: deps
	tests/run.sh all

test-host: lib cfg
	tests/run.sh host

bench: lib cfg
	bench/run.sh

deps:
	tools/deps.sh

# QEMU harness: vm-deps, test-vm, vm-shell, vm-clean (tools/vm/README.md).
include tools/vm/vm.mk

clean:
	rm -rf $(BUILD)
	$(MAKE) -C cfg clean

-include $(shell find $(BUILD)/$(PORT) -name '*.d' -type f 2>/dev/null)
