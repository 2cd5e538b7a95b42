// SPDX-License-Identifier: GPL-2.0
/*
 * Linux baseline for the µITRON task switch benchmark (bench/pingpong on
 * the linux port): two SCHED_FIFO 99 kthreads on one CPU bounce a pair
 * of completions, a round trip being two switches, as two µITRON tasks
 * bounce a semaphore.  Runs at load and prints
 * "kthread_round_trips_per_s N.NNN 1/s"; rmmod afterwards.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
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

/* A kthread bound to cpu at SCHED_FIFO 99, held until end_thread(). */
static struct task_struct *create_thread(int (*fn)(void *), const char *name)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_FIFO,
		.sched_priority = MAX_RT_PRIO - 1,
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

static int __init kthread_pingpong_init(void)
{
	struct task_struct *pong_thread, *ping_thread;
	u64 start, ns, milli, whole;
	u32 frac;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu) || !round_trips)
		return -EINVAL;
	pong_thread = create_thread(pong_fn, "pong");
	if (IS_ERR(pong_thread))
		return PTR_ERR(pong_thread);
	ping_thread = create_thread(ping_fn, "ping");
	if (IS_ERR(ping_thread)) {
		end_thread(pong_thread);
		return PTR_ERR(ping_thread);
	}
	wake_up_process(pong_thread);
	start = ktime_get_ns();
	wake_up_process(ping_thread);
	wait_for_completion(&done);
	ns = ktime_get_ns() - start;
	end_thread(ping_thread);
	end_thread(pong_thread);
	milli = div64_u64((u64)round_trips * NSEC_PER_SEC * 1000, ns);
	whole = div_u64_rem(milli, 1000, &frac);
	pr_info("kthread_round_trips_per_s %llu.%03u 1/s\n", whole, frac);
	return 0;
}

static void __exit kthread_pingpong_exit(void)
{
}

module_init(kthread_pingpong_init);
module_exit(kthread_pingpong_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Unitron bench: kthread ping-pong baseline");
