# Kernel test harness (QEMU) targets. Include from the top-level Makefile:
#
#	include tools/vm/vm.mk
#
# Targets:
#   vm-deps     install QEMU, Debian std + rt kernels and headers, tools
#   test-vm     prove every VM test group (both flavours) + harness self-test
#   vm-shell    interactive guest shell: make vm-shell FLAVOUR=rt GROUP=smoke
#   vm-clean    remove build/vm/
# See tools/vm/README.md.

# The repo root: $(TOP) if the including Makefile defines it, else found
# from this file's own path (evaluated now, while it is the last makefile).
ifdef TOP
VM_TOP := $(abspath $(TOP))
else
VM_TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
endif
VM_DIR := $(VM_TOP)/tools/vm
VM_TESTS := $(VM_TOP)/tests/vm
VM_BUILD ?= $(VM_TOP)/build/vm
# Extra prove options, e.g. VM_PROVE_FLAGS=-v. Groups run one after the
# other on purpose: two TCG guests with 2 vCPUs each on 2 host cores starve
# each other and can trigger false RCU stall or lockup reports.
VM_PROVE_FLAGS ?=
FLAVOUR ?= std
GROUP ?= smoke

.PHONY: vm-deps test-vm vm-shell vm-clean

vm-deps:
	$(VM_DIR)/deps.sh

test-vm: vm-deps
	UNITRON_VM_BUILD=$(VM_BUILD) $(VM_TOP)/tests/run.sh vm $(VM_PROVE_FLAGS)

vm-shell: vm-deps
	UNITRON_VM_BUILD=$(VM_BUILD) $(VM_DIR)/test-group.sh -S $(GROUP) $(FLAVOUR)

vm-clean:
	rm -rf $(VM_BUILD)
