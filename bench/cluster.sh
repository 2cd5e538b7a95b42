# shellcheck shell=bash disable=SC2154
# Unitron - benchmarks of µITRON objects across nodes, in QEMU (bench/
# run.sh sources this file: $out, $report and its helpers).  The guest
# side is bench/cluster/; its "# bench: ..." lines land in its TAP.

# The bench lines of FL's run for WHAT ("null remote"): "min avg" of its
# rounds, the smallest min and the mean of the averages.
cluster_stat() {	# FL WHAT
	sed -n "s/^# bench: $2 n=[0-9]* min=\([0-9]*\) avg=\([0-9]*\).*/\1 \2/p" \
		"$out/cluster-$1.tap" |
		awk '{ if (!n || $1 < m) m = $1; s += $2; n++ }
		     END { if (n) printf "%d %d\n", m, s / n; else print "0 0" }'
}

# The median of FL's discovery times for WHO (tipc, unitron, insmod),
# in ms (the records are in µs).
cluster_discovery() {	# FL WHO
	sed -n "s/^# bench: discover $2 \([0-9-]*\)$/\1/p" "$out/cluster-$1.tap" |
		sort -n | awk '{ v[n++] = $1 }
		END { if (n) printf "%.1f\n", v[int(n / 2)] / 1000; else print "-" }'
}

cluster_bench() {
	local fl lmin lavg rmin ravg tmin tavg plavg pravg
	local dt du di
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		echo "== cluster in QEMU, $fl kernel: one boot =="
		tools/vm/test-group.sh -n "bench-cluster-$fl" bench/cluster "$fl" \
			>"$out/cluster-$fl.tap" ||
			echo "bench-cluster-$fl: some guest checks failed: $out/cluster-$fl.tap" >&2
	done
	{
		echo "== across nodes (TIPC): one call, a round trip through a task, discovery =="
		echo "Two TIPC nodes (network namespaces a and b in one guest, veth on a"
		echo "bridge), tests/bridge/app as a linux-port module in a, served by"
		echo "unitron-netd. One call: a polling receive on an empty data queue"
		echo "(E_TMOUT), made in a on the device (local) and from b through"
		echo "unitron-netd (remote), beside a plain TIPC SOCK_SEQPACKET round trip"
		echo "of 4 bytes from b to a server in a. Through a task: a datum to the"
		echo "echo task and its answer back (two calls). µs: the smallest of"
		echo "all rounds, and the mean of the rounds' averages."
		echo
		echo "| kernel | local call min / avg | TIPC round trip min / avg | remote call min / avg | remote / local (min, avg) | remote / TIPC (min, avg) | through a task: local, remote avg (ratio) |"
		echo "| --- | --- | --- | --- | --- | --- | --- |"
		for fl in ${BENCH_FLAVOURS:-std rt}; do
			read -r lmin lavg < <(cluster_stat "$fl" "null local")
			read -r rmin ravg < <(cluster_stat "$fl" "null remote")
			read -r tmin tavg < <(cluster_stat "$fl" "null tipc")
			read -r _ plavg < <(cluster_stat "$fl" "trip local")
			read -r _ pravg < <(cluster_stat "$fl" "trip remote")
			echo "| $fl | $lmin / $lavg | $tmin / $tavg | $rmin / $ravg | $(ratio "$rmin" "$lmin"), $(ratio "$ravg" "$lavg") | $(ratio "$rmin" "$tmin"), $(ratio "$ravg" "$tavg") | $plavg, $pravg ($(ratio "$pravg" "$plavg")) |"
		done
		echo
		echo "Discovery, ms, median of the rounds. A new system's name: from the"
		echo "start of its insmod in a (module load and start, unitron-netd's"
		echo "inotify wake-up and enumeration, TIPC's distribution) to b's"
		echo "topology event, beside the insmod alone (the baseline: until"
		echo "insmod returns). A plain TIPC name bound in a, from its bind to"
		echo "b's event, for the share that is TIPC's."
		echo
		echo "| kernel | insmod | a new system's name seen in b | ratio | plain TIPC name |"
		echo "| --- | --- | --- | --- | --- |"
		for fl in ${BENCH_FLAVOURS:-std rt}; do
			di=$(cluster_discovery "$fl" insmod)
			du=$(cluster_discovery "$fl" unitron)
			dt=$(cluster_discovery "$fl" tipc)
			echo "| $fl | $di | $du | $(ratio "$du" "$di") | $dt |"
		done
		echo
	} | tee -a "$report"
}
