#!/bin/sh
# Guest script for kernelware; prints TAP.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

KO=/lib/unitron/modules/kernelware.ko

t_load() {
	check "insmod kernelware" insmod $KO
	check "/dev/kernelware is root-only" \
		test "$(stat -c %a /dev/kernelware)" = 600
	dmesg -c >/dev/null
	check_fails "KVM cannot load beside kernelware" modprobe kvm_intel
	like "$(dmesg)" "kernelware: kvm_intel refused" "... and the log says why"
}

t_call() {
	check "a function runs in ring 0 and returns its result" kwtest call
	check "ring-0 code takes page faults on fresh heap pages" kwtest heap
	check "red-zone data survives interrupts in ring 0" kwtest redzone
	check "libc system calls in ring 0 are function calls" kwtest syscalls
	check "a signal ends a kernelware call and its handler runs" \
		kwtest signal
	check "SIGKILL kills a process making syscalls in ring 0" kwtest kill
	check "FPU state stays right across preemption in ring 0" kwtest fpu
}

# Bugs in kernelware code hurt the process, never the kernel (the
# harness fails the case on any oops or warning in the console).
t_faults() {
	check "NULL, wild and kernel-address accesses, a wild call, ud2, int \$14/\$13 and stack overflow in ring 0 end as signals" \
		kwtest faults
	check "... and the same from a second thread of the process" \
		kwtest faults-thread
	check "a SIGSEGV handler runs after a ring-0 fault" kwtest segv-handler
	check "an endless ring-0 loop is preemptible and killable" kwtest spin
	check "... and in a second thread, as a syscall loop there is" \
		kwtest kill-thread
	# The user #GP would be logged as "traps: ... general protection
	# fault", which the console scanner takes for a kernel one.
	echo 0 >/proc/sys/debug/exception-trace
	check "an unprivileged failed IRET on espfix is the process's SIGSEGV" \
		kwtest espfix
	echo 1 >/proc/sys/debug/exception-trace
}

t_refuse() {
	check "kernel symbols by name; bad names and kernel calls refused" \
		kwtest symbols
	check "bad arguments are refused (EINVAL, EFAULT, ENOTTY, EBUSY), exec marks and statistics too" \
		kwtest bad
	check "only CAP_SYS_ADMIN opens the device (EPERM at mode 666)" \
		kwtest unpriv
}

calls() { cat /sys/module/kernelware/parameters/syscalls; }

# Same output in kernel mode as in user mode, and the program's system
# calls (at least $2) made as function calls.
same() {
	_d=$1
	_min=$2
	shift 2
	_user=$("$@" 2>&1)
	_before=$(calls)
	_kernel=$(kwrun "$@" 2>&1)
	_n=$(($(calls) - _before))
	if [ -n "$_user" ] && [ "$_user" = "$_kernel" ] && [ "$_n" -ge "$_min" ]
	then
		pass "$_d ($_n function-call syscalls)"
	else
		fail "$_d" "function-call syscalls: $_n (at least $_min)" \
			"user:   $(echo "$_user" | head -3)" \
			"kernel: $(echo "$_kernel" | head -3)"
	fi
}

# refused DESC STATUS ERE CMD...: CMD exits STATUS, its stderr matches ERE.
refused() {
	_d=$1 _st=$2 _re=$3
	shift 3
	_err=$("$@" 2>&1 >/dev/null)
	_got=$?
	if [ "$_got" = "$_st" ] && echo "$_err" | grep -qE -- "$_re"; then
		pass "$_d"
	else
		fail "$_d" "status $_got (want $_st)" "stderr: $_err"
	fi
}

# What cannot run in kernel mode is refused with 126 and the reason, or
# with --fallback runs in user mode and says so.
kwrun_refuses() {
	printf '\177ELF\001\001\001' >/tmp/elf32
	chmod +x /tmp/elf32
	refused "a program not for x86-64 is refused (126)" 126 \
		"^kwrun: /tmp/elf32: not an x86-64 program.*--fallback" \
		kwrun /tmp/elf32
	printf '#!/usr/bin/sha256sum\n' >/tmp/sum.sh
	chmod +x /tmp/sum.sh
	same "a script of a dynamic interpreter runs it in kernel mode" 5 \
		/tmp/sum.sh
	refused "no CAP_SYS_ADMIN: refused" 126 \
		"^kwrun: kwmode: kernel mode needs CAP_SYS_ADMIN" \
		as_nobody kwrun kwmode
	is "$(as_nobody kwrun --fallback kwmode 2>/dev/null)" "ring 3" \
		"... with --fallback, user mode"
	refused "an unknown program: 127" 127 "^kwrun: no_such: " \
		kwrun no_such
	refused "an unknown option: usage (2)" 2 "^usage: kwrun" \
		kwrun --bogus kwmode
	is "$(kwrun -- kwmode)" "ring 0" "-- ends the options"
}

t_kwrun() {
	check_fails "kwrun without a program: usage" kwrun
	is "$(kwmode)" "ring 3" "kwmode alone runs in ring 3"
	is "$(kwrun kwmode)" "ring 0" "kwrun kwmode runs in ring 0"
	like "$(kwrun print_pid)" "^pid [0-9][0-9]*$" \
		"print_pid, unchanged, in kernel mode"
	same "ls -l, unmodified, in kernel mode" 20 /usr/bin/ls -l /lib/unitron
	same "sha256sum, unmodified, in kernel mode" 10 \
		/usr/bin/sha256sum /lib/unitron/modules/kernelware.ko
	same "find, unmodified, in kernel mode" 20 /usr/bin/find /lib/unitron
	same "sqlite3, unmodified, in kernel mode" 20 /usr/bin/sqlite3 :memory: \
		"create table t(x); insert into t values (6), (7);
		 select sum(x), group_concat(x) from t;"
	like "$(kwrun kwmode rax)" "^rax kept after [1-9][0-9]* signals$" \
		"a 64-bit rax survives signal deliveries in kernel mode"
	is "$(timeout 30 kwrun kwmode pipe)" "EOF, ring 0" \
		"closing a pipe in kernel mode gives its reader EOF"
	is "$(kwrun kwmode int80)" "int80 getpid ok, ring 3" \
		"int \$0x80 in kernel mode runs in user mode, no oops"
	is "$(kwrun kwmode segv)" "SIGSEGV handled, ring 3" \
		"a fault in kernel mode reaches the program's SIGSEGV handler"
	is "$(kwrun kwmode call)" "ring 0 getpid ok, close(-1) EBADF" \
		"kw_syscall(): system calls as jumps in kernel mode"
	is "$(kwmode call)" "ring 3 getpid ok, close(-1) EBADF" \
		"kw_syscall(): real system calls in user mode"
	is "$(kwmode_e)" "ring 0" \
		"a program linked with libkw.a -e _kw_start starts in ring 0"
	dd if=/dev/urandom of=/tmp/src bs=1k count=300 2>/dev/null
	is "$(kwrun kwcp -v /tmp/src /tmp/dst)" "kernel copy" \
		"kwcp in kernel mode copies inside the kernel"
	check "... the copy is exact" cmp /tmp/src /tmp/dst
	is "$(kwcp -v /tmp/src /tmp/dst2)" "user copy" \
		"kwcp in user mode falls back to read/write"
	check "... the copy is exact" cmp /tmp/src /tmp/dst2
	dmesg -c >/dev/null
	_out=$(kwrun kern_print_pid)
	_pid=$(echo "$_out" | sed -n 's/^pid \([0-9]*\) (getpid \1)$/\1/p')
	check "kern_print_pid reads its pid from the kernel's task" \
		test -n "$_pid"
	like "$(dmesg)" "kern_print_pid: pid $_pid\$" "... and printk()s it"
	_out=$(kwrun kern_print_pid -d)
	_pid=$(echo "$_out" | sed -n 's/^pid \([0-9]*\) (getpid \1)$/\1/p')
	like "$(dmesg)" "kern_print_pid: pid $_pid .direct.\$" \
		"a kernel function called directly, on the program's stack"
	is "$(kwsyms _printk)" \
		"PROVIDE(_printk = 0x$(awk '$3 == "_printk" { print $1 }' /proc/kallsyms));" \
		"kwsyms writes the linker script of the paper's way"
	check_fails "kwsyms refuses an unknown symbol" kwsyms no_such_symbol
	_out=$(kwrun kwmode fork)
	like "$_out" "child ring 0" "a forked child goes on in kernel mode"
	like "$_out" "parent ring 0, child status 7" \
		"the parent goes on in kernel mode and gets the child's status"
	like "$(kwrun kwmode signal)" 'handler ran 1, read "ok", ring 0' \
		"a handler runs, the interrupted read restarts, kernel mode goes on"
	is "$(kwrun /usr/bin/env kwmode)" "ring 0" \
		"a program executed from kernel mode starts in kernel mode"
	kwrun_refuses
	_out=$(kwrun kwmode switch)
	like "$_out" "start ring 0" "kwrun starts in ring 0"
	like "$_out" "after switch_to_user_mode ring 3" "switch_to_user_mode"
	like "$_out" "after switch_to_kernel_mode ring 0" "switch_to_kernel_mode"
	# (A background job of a script ignores SIGINT: TERM instead.)
	kwrun /usr/bin/sleep 30 &
	_pid=$!
	sleep 1
	kill -TERM "$_pid"
	wait "$_pid"
	is "$?" 143 "kill stops a program sleeping in kernel mode"
}

t_unload() {
	check "no task holds the module" unused
	check "rmmod kernelware" rmmod kernelware
	refused "no module: kwrun refuses (126)" 126 \
		"^kwrun: kwmode: no /dev/kernelware \(load kernelware.ko\)" \
		kwrun kwmode
	check_fails "device removed" test -e /dev/kernelware
}

# count CMD...: the function-call syscalls CMD made (its output dropped).
count() {
	_before=$(calls)
	"$@" >/dev/null 2>&1
	echo $(($(calls) - _before))
}

# more_calls WHAT N BASE M: WHAT made N function-call syscalls, at least
# 50 and half of BASE's M: its threads did not leave kernel mode.
more_calls() {
	if [ "$2" -ge 50 ] && [ "$2" -ge $(($4 / 2)) ]; then
		pass "$1 in kernel mode: $2 function-call syscalls ($3: $4)"
	else
		fail "$1 in kernel mode: $2 function-call syscalls ($3: $4)"
	fi
}

# Threads of a program in kernel mode are in kernel mode too, and the
# creating thread stays there (the module makes them: kw_clone()).
t_threads() {
	_before=$(calls)
	_out=$(kwrun kwthreads 2>&1)
	_n=$(($(calls) - _before))
	like "$_out" "^workers 4, in ring 0 4, calls ok$" \
		"4 threads, each in ring 0, their system calls right"
	like "$_out" "^reader cancelled$" \
		"a thread cancelled in a blocking read"
	like "$_out" "^sleeper signalled, ring 0$" \
		"a signal to one thread: its handler, then ring 0 again"
	like "$_out" "^main ring 0$" "the main thread is in ring 0 after it all"
	like "$_out" "^system: status 3, ring 0$" \
		"system() runs its command, the caller goes on in ring 0"
	like "$_out" "^posix_spawnp: status 0, ring 0$" "... posix_spawnp() too"
	like "$_out" "^popen: piped, ring 0$" "... popen() too"
	if [ "$_n" -ge 8000 ]; then
		pass "their system calls were function calls ($_n >= 4 x 2000)"
	else
		fail "their system calls were function calls ($_n >= 4 x 2000)"
	fi
	# coreutils' and xz-utils' programs by path: the guest's sh runs
	# busybox's own applets of those names.
	seq 1 200000 | sed 's/$/ kernelware/' >/tmp/data
	_t1=$(count kwrun /usr/bin/xz -T1 -c -k /tmp/data)
	kwrun /usr/bin/xz -T2 -c /tmp/data >/tmp/data.xz
	_t2=$(count kwrun /usr/bin/xz -T2 -c -k /tmp/data)
	check "kwrun xz -T2: the same data comes back" \
		sh -c '/usr/bin/xz -dc /tmp/data.xz | cmp - /tmp/data'
	more_calls "xz -T2" "$_t2" "xz -T1" "$_t1"
	/usr/bin/sort -R /tmp/data >/tmp/shuffled
	_u=$(/usr/bin/sort --parallel=2 /tmp/shuffled | sha256sum)
	_k=$(kwrun /usr/bin/sort --parallel=2 /tmp/shuffled | sha256sum)
	is "$_k" "$_u" "kwrun sort --parallel=2: the same order"
	is "$(kwrun /usr/bin/sort --parallel=2 /tmp/shuffled | wc -l)" 200000 \
		"... of every line"
	_s2=$(count kwrun /usr/bin/sort --parallel=2 /tmp/shuffled)
	_s1=$(count kwrun /usr/bin/sort --parallel=1 /tmp/shuffled)
	more_calls "sort --parallel=2" "$_s2" "sort --parallel=1" "$_s1"
	for _st in pthread futex clone; do
		_before=$(calls)
		check "kwrun stress-ng --$_st 2 for 3 s" \
			kwrun stress-ng --$_st 2 -t 3 --quiet
		diag "stress-ng --$_st: $(($(calls) - _before)) function-call syscalls"
	done
}

# stats CMD...: CMD's output, then kwrun --stats' lines for CMD.
stats() {
	kwrun --stats "$@" 2>&1
}

# in_kernel_mode DESC MIN OUT: every thread of kwrun --stats output OUT
# ended in kernel mode, and they made at least MIN function calls.
in_kernel_mode() {
	_n=$(echo "$3" | sed -n 's/^kwrun: .* threads, \([0-9]*\) function-call syscalls; all in kernel mode to their end$/\1/p')
	if [ -n "$_n" ] && [ "$_n" -ge "$2" ]; then
		pass "$1 ($_n function-call syscalls)"
	else
		fail "$1" "$(echo "$3" | tail -8)"
	fi
}

# The exec hook: programs start in ring 0 at their first instruction,
# static ones too; kwrun --stats says what ran where.
t_exec() {
	check "KW_IOC_EXEC marks a task, KW_EXEC_OFF unmarks it" kwtest exec-mark
	dmesg -c >/dev/null
	check "no descriptor left for the kernelware page: killed, not run in user mode" \
		kwtest exec-nofd
	like "$(dmesg)" "kernelware: kwstatic\[[0-9]+\]: no kernelware page \(-24\): killed" \
		"... and the log says why"
	[ -f /tmp/data ] || seq 1 200000 | sed 's/$/ kernelware/' >/tmp/data
	[ -f /tmp/shuffled ] || /usr/bin/sort -R /tmp/data >/tmp/shuffled
	_out=$(kwrun kwstatic 2>&1)
	like "$_out" "^constructor ring 0$" \
		"a static program starts in ring 0: its constructors already"
	like "$_out" "^main ring 0, 1000 getppid ok$" \
		"... main() in ring 0, its system calls right"
	like "$_out" "^fork: child ring 0, parent ring 0$" \
		"... a forked child and its parent in ring 0"
	like "$_out" "^signal: handler ran, ring 0$" \
		"... a signal handled, then ring 0 again"
	like "$_out" "^exec: ring 0$" "... the program it executes in ring 0"
	_out=$(stats kwstatic)
	in_kernel_mode "kwrun --stats: all of kwstatic in kernel mode" 1000 "$_out"
	like "$_out" "^kwrun: *[0-9]+ +[0-9]+ kwstatic .* kernel mode$" \
		"... a line per thread"
	_out=$(stats kwstatic thread)
	like "$_out" "^thread ring 0$" \
		"a thread of static glibc starts in ring 0 (no libkw)"
	like "$_out" "^creator ring 0$" "... and its creator stays there"
	in_kernel_mode "... all of it in kernel mode, --stats says" 20 "$_out"
	is "$(kwrun kwstatic clone)" \
		"clone: 100 of 100 children in ring 0, parent ring 0, 0 bad" \
		"raw clone(CLONE_VM): the children start in ring 0, the parent stays"
	is "$(kwrun kwstatic vfork)" \
		"vfork: 100 of 100 children in ring 0 executed a program in ring 0, parent ring 0" \
		"vfork: the children in ring 0 until they execute, the parent stays"
	_out=$(stats /bin/busybox sh -c 'echo static; /bin/busybox true')
	like "$_out" "^static$" "busybox sh, static, runs in kernel mode"
	in_kernel_mode "... all of it, and the busybox it runs" 20 "$_out"
	printf '#!/bin/sh\necho script\n' >/tmp/static.sh
	chmod +x /tmp/static.sh
	_out=$(stats /tmp/static.sh)
	like "$_out" "^script$" "a script of a static interpreter runs"
	in_kernel_mode "... in kernel mode" 10 "$_out"
	_out=$(kwrun --stats /usr/bin/xz -T2 --block-size=1MiB -c -k /tmp/data \
		2>&1 >/dev/null)
	in_kernel_mode "kwrun --stats xz -T2: every thread in kernel mode" 200 \
		"$_out"
	diag "$_out"
	_n=$(echo "$_out" | grep -c '^kwrun: .* xz .* kernel mode$')
	check "... main thread and 2 workers listed ($_n)" test "$_n" -ge 3
	_out=$(kwrun --stats /usr/bin/sort --parallel=2 /tmp/shuffled 2>&1 \
		>/dev/null)
	in_kernel_mode "kwrun --stats sort --parallel=2: every thread in kernel mode" \
		200 "$_out"
	is "$(kwrun --stats /bin/busybox sh -c 'exit 5' 2>/dev/null; echo $?)" 5 \
		"kwrun --stats exits with the program's status"
}

# Every task that entered kernel mode has left it (processes still on
# their way out get 10 s): the module has no reference.
unused() {
	_i=0
	while [ "$(cat /sys/module/kernelware/refcnt)" != 0 ] && [ $_i -lt 100 ]
	do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$(cat /sys/module/kernelware/refcnt)" = 0 ]
}

# Not in the default run (make test): 20 rounds of stress-ng's thread
# stressors under kwrun, a clean console after each round.
#   tools/vm/test-group.sh -a load,soak,unload kernelware std|rt
t_soak() {
	_r=1
	_bad=
	while [ $_r -le 20 ]; do
		for _st in pthread futex clone; do
			kwrun stress-ng --$_st 2 -t 2 --quiet ||
				_bad="$_bad $_r:$_st"
		done
		_r=$((_r + 1))
	done
	is "$_bad" "" "20 rounds of stress-ng --pthread, --futex, --clone (2 workers, 2 s each) under kwrun"
	if unused; then
		pass "no reference to the module left"
	else
		fail "no reference to the module left" \
			"refcnt $(cat /sys/module/kernelware/refcnt)" "$(ps)"
	fi
}

run_cases load call faults refuse kwrun threads exec unload
