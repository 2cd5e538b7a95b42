# Unitron - build one µITRON application for the posix port.
#
#   make -f mk/app.mk APP=examples/sample1 [CFGFILE=sample1.cfg] [OUT=dir]
#                     [API=jsp|asp]
#
# APP is a directory holding the application's .c files and one .cfg
# (or name it with CFGFILE).  The result is $(OUT)/$(NAME), an ordinary
# executable.  The top-level `make APP=...` calls this.
#
# API=asp builds a TOPPERS/ASP application (asp/README.md): ASP's headers
# come first on the include path, its .cfg conventions are honoured
# (INCLUDE("x.cfg"), #include of headers: unitron-cfg --expand), the
# object IDs are also in kernel_cfg.h (asp/include), and ASP's test
# library and banner are linked.  The default, API=jsp, is TOPPERS/JSP's and µITRON 4.0's.

include $(dir $(lastword $(MAKEFILE_LIST)))common.mk

ifeq ($(APP),)
$(error APP is not set: make APP=path/to/application)
endif
APPDIR		:= $(abspath $(APP))
ifeq ($(wildcard $(APPDIR)),)
$(error APP=$(APP): no such directory)
endif
CFGFILE		?= $(notdir $(wildcard $(APPDIR)/*.cfg))
ifneq ($(words $(CFGFILE)),1)
$(error APP=$(APP): expected one .cfg file, found '$(CFGFILE)'; set CFGFILE=)
endif
NAME		?= $(basename $(CFGFILE))
OUT		?= $(BUILD)/app/$(subst /,_,$(APP))
SRCS		?= $(wildcard $(APPDIR)/*.c)
# Sources from elsewhere (a shared test library, say) and their headers.
EXTRA_SRCS	?=
EXTRA_INCLUDES	?=
API		?= jsp
ifeq ($(API),asp)
API_INCLUDES	:= -I$(TOP)/asp/include
API_SRCS	:= $(TOP)/asp/lib/test_lib.c $(TOP)/asp/lib/banner.c
API_CFG_DEFS	:= -DTOPPERS_MACRO_ONLY
CFG_INPUT	:= $(OUT)/$(NAME).x.cfg
else ifeq ($(API),jsp)
CFG_INPUT	:= $(APPDIR)/$(CFGFILE)
else
$(error API=$(API): expected jsp or asp)
endif
EXTRA_SRCS	+= $(API_SRCS)
EXTRA_OBJS	:= $(addprefix $(OUT)/x_,$(notdir $(EXTRA_SRCS:.c=.o) \
						$(BRIDGE_SRCS:.c=.o)))
vpath %.c $(sort $(dir $(EXTRA_SRCS) $(BRIDGE_SRCS)))
OBJS		:= $(patsubst $(APPDIR)/%.c,$(OUT)/%.o,$(SRCS)) $(EXTRA_OBJS) \
		   $(OUT)/kernel_cfg.o
# APP_DEFS: -D options for both the .cfg pass and the compiler.
APP_DEFS	?=
APP_CFLAGS	?= -std=gnu11 -O2 -g -Wall -fno-strict-aliasing $(PORT_DEFS) \
		   $(APP_DEFS)
APP_INCLUDES	:= -I$(OUT) -I$(APPDIR) $(EXTRA_INCLUDES) $(API_INCLUDES) \
		   $(INCLUDES)

.PHONY: app
app: $(OUT)/$(NAME)

# @(SRCDIR) in a .cfg (TOPPERS/JSP's convention) names the Unitron tree:
# a link of that name in the build directory lets cpp resolve it.  (Not a
# make target: make reads "x(y)" as an archive member.)
$(OUT)/$(NAME).i: $(CFG_INPUT) FORCE
	@mkdir -p $(OUT)
	@ln -sfn $(TOP) '$(OUT)/@(SRCDIR)'
	$(CC) -E -x c -D_MACRO_ONLY= -DUNITRON_CFG $(API_CFG_DEFS) $(PORT_DEFS) \
		$(APP_DEFS) $(APP_INCLUDES) $< -o $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

# TOPPERS/ASP: the .cfg with its INCLUDEd .cfg files in it.
$(OUT)/$(NAME).x.cfg: $(APPDIR)/$(CFGFILE) $(CFG) FORCE
	@mkdir -p $(OUT)
	$(CFG) --expand $(APP_INCLUDES) $< > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(OUT)/kernel_cfg.c $(OUT)/kernel_id.h &: $(OUT)/$(NAME).i $(CFG)
	$(CFG) -o $(OUT) $<

# -MMD: the kernel's headers size its tables (a TCB that grows must
# rebuild tcb_table).
$(OUT)/kernel_cfg.o: $(OUT)/kernel_cfg.c
	$(CC) $(APP_CFLAGS) $(APP_INCLUDES) -MMD -c $< -o $@

$(OUT)/%.o: $(APPDIR)/%.c $(OUT)/kernel_id.h
	$(CC) $(APP_CFLAGS) $(APP_INCLUDES) -MMD -c $< -o $@

$(OUT)/x_%.o: %.c $(OUT)/kernel_id.h
	$(CC) $(APP_CFLAGS) $(APP_INCLUDES) -MMD -c $< -o $@

$(OUT)/$(NAME): $(OBJS) $(LIBKERNEL)
	$(CC) -o $@ $(OBJS) $(LIBKERNEL) -pthread

FORCE:

-include $(OUT)/*.d
