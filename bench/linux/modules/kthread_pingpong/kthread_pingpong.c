// SPDX-License-Identifier: GPL-2.0
/*
 * Linux baseline for the µITRON task switch benchmark (bench/pingpong on
 * the linux port): two SCHED_FIFO 99 kthreads on one CPU bounce a pair
 * of completions, a round trip being two switches, as two µITRON tasks
 * bounce a semaphore.  Then the baseline of bench/pingpong's
 * priority-inheritance handover: a SCHED_FIFO 98 kthread waits for an
 * rt_mutex (the kernel's PI mutex) that a SCHED_FIFO 97 kthread holds,
 * which inherits, unlocks, and hands it over.  Runs at load and prints
 * "kthread_round_trips_per_s N.NNN 1/s" and
 * "rt_mutex_pi_handovers_per_s N.NNN 1/s"; rmmod afterwards.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/rtmutex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <uapi/linux/sched/types.h>

static unsigned int cpu = 1;
module_param(cpu, uint, 0444);
MODULE_PARM_DESC(cpu, "CPU both kthreads run on (default 1)");

static unsigned long round_trips = 200000;
module_param(round_trips, ulong, 0444);
MODULE_PARM_DESC(round_trips, "round trips to time (default 200000)");

static DECLARE_COMPLETION(ping);
static DECLARE_COMPLETION(pong);
static DECLARE_COMPLETION(done);
static DEFINE_RT_MUTEX(pi_mutex);
static DECLARE_COMPLETION(wake_high);

static int pong_fn(void *unused)
{
	unsigned long i;

	for (i = 0; i < round_trips; i++) {
		wait_for_completion(&pong);
		complete(&ping);
	}
	return 0;
}

static int ping_fn(void *unused)
{
	unsigned long i;

	for (i = 0; i < round_trips; i++) {
		complete(&pong);
		wait_for_completion(&ping);
	}
	complete(&done);
	return 0;
}

/* Each round: the high thread waits for the mutex, and gets it. */
static int pi_low_fn(void *unused)
{
	unsigned long i;

	for (i = 0; i < round_trips; i++) {
		rt_mutex_lock(&pi_mutex);
		complete(&wake_high);		/* it runs, and waits */
		rt_mutex_unlock(&pi_mutex);	/* it runs, unlocks, sleeps */
	}
	complete(&done);
	return 0;
}

static int pi_high_fn(void *unused)
{
	unsigned long i;

	for (i = 0; i < round_trips; i++) {
		wait_for_completion(&wake_high);
		rt_mutex_lock(&pi_mutex);
		rt_mutex_unlock(&pi_mutex);
	}
	return 0;
}

/* A kthread bound to cpu at SCHED_FIFO prio, held until end_thread(). */
static struct task_struct *create_thread(int (*fn)(void *), const char *name,
					 int prio)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_FIFO,
		.sched_priority = prio,
	};
	struct task_struct *t = kthread_create(fn, NULL, "%s", name);

	if (IS_ERR(t))
		return t;
	kthread_bind(t, cpu);
	sched_setattr_nocheck(t, &attr);
	get_task_struct(t);
	return t;
}

/*
 * Stop a thread never woken, or wait for the end of one whose function
 * runs (kthread_stop() before it ran would keep it from running at all).
 */
static void end_thread(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

static void report(const char *name, unsigned long count, u64 ns)
{
	u64 milli = div64_u64((u64)count * NSEC_PER_SEC * 1000, ns);
	u32 frac;
	u64 whole = div_u64_rem(milli, 1000, &frac);

	pr_info("%s %llu.%03u 1/s\n", name, whole, frac);
}

/* Time a and b, started b first, until done; both then ended. */
static int time_pair(int (*a)(void *), int (*b)(void *), int prio_a,
		     int prio_b, u64 *ns)
{
	struct task_struct *ta, *tb;
	u64 start;

	tb = create_thread(b, "bench_b", prio_b);
	if (IS_ERR(tb))
		return PTR_ERR(tb);
	ta = create_thread(a, "bench_a", prio_a);
	if (IS_ERR(ta)) {
		end_thread(tb);
		return PTR_ERR(ta);
	}
	reinit_completion(&done);
	wake_up_process(tb);
	start = ktime_get_ns();
	wake_up_process(ta);
	wait_for_completion(&done);
	*ns = ktime_get_ns() - start;
	end_thread(ta);
	end_thread(tb);
	return 0;
}

static int __init kthread_pingpong_init(void)
{
	u64 ns;
	int err;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu) || !round_trips)
		return -EINVAL;
	err = time_pair(ping_fn, pong_fn, MAX_RT_PRIO - 1, MAX_RT_PRIO - 1,
			&ns);
	if (err)
		return err;
	report("kthread_round_trips_per_s", round_trips, ns);
	err = time_pair(pi_low_fn, pi_high_fn, MAX_RT_PRIO - 3,
			MAX_RT_PRIO - 2, &ns);
	if (err)
		return err;
	report("rt_mutex_pi_handovers_per_s", round_trips, ns);
	return 0;
}

static void __exit kthread_pingpong_exit(void)
{
}

module_init(kthread_pingpong_init);
module_exit(kthread_pingpong_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Unitron bench: kthread ping-pong baseline");
