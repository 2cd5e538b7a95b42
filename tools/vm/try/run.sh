#!/bin/sh
# make try SCRIPT=file: the guest runs the script with busybox sh, in
# /root; each line it prints goes out as "| line" (never read as TAP),
# and its exit status is the run's (tools/vm/try.sh shows both).
cd /root || exit 1
{
	sh /usr/bin/unitron-try-script 2>&1
	echo $? >/tmp/unitron-try-rc
} | sed 's/^/| /'
exit "$(cat /tmp/unitron-try-rc)"
