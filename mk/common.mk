# Unitron - settings shared by the top-level Makefile and mk/app.mk.

ifndef TOP
TOP		:= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
endif
BUILD		?= $(TOP)/build
PORT		?= posix

CC		?= cc
CFLAGS_COMMON	:= -std=c11 -O2 -g -Wall -Wextra -fno-strict-aliasing
# The core: freestanding, no host header reachable.
CFLAGS_CORE	:= $(CFLAGS_COMMON) -Werror -ffreestanding -nostdinc
CFLAGS_HOST	:= $(CFLAGS_COMMON) -Werror -D_GNU_SOURCE

INCLUDES	:= -I$(TOP)/itron/include -I$(TOP)/port/$(PORT) \
		   -I$(TOP)/itron/kernel -I$(TOP)/systask \
		   -I$(TOP)/bridge/include -I$(TOP)/bridge/kernel

# TOPPERS/JSP applications test LINUX for the Linux-hosted port.
PORT_DEFS_posix	:= -DLINUX
PORT_DEFS	:= $(PORT_DEFS_$(PORT))

CFG		:= $(TOP)/cfg/unitron-cfg
# The kernel, port and system tasks, linked into every application.
LIBKERNEL	:= $(BUILD)/$(PORT)/libkernel.a
# The bridge's µITRON side: compiled with each application (it is
# empty unless the application's .cfg includes bridge/bridge.cfg).
BRIDGE_SRCS	:= $(TOP)/bridge/kernel/bridge.c $(TOP)/bridge/kernel/vio.c \
		   $(TOP)/bridge/$(PORT)/transport.c
