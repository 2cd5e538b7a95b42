#!/usr/bin/perl
# Unitron configurator (cfg/unitron-cfg) tests, TAP for prove.
#
#   good/*.cfg   valid configurations; good/NAME.expect says what the
#                output must (not) contain, and every output is compiled
#                against the core's headers (tests/cfg/stub stands in for
#                the port); sample.cfg's tables are also linked and dumped.
#   bad/*.cfg    invalid ones; bad/NAME.err lists messages that must
#                appear (a leading "!": must not), and no output file may
#                be left.  bad/*.i are fed to the configurator as they are
#                (hand-written line markers, unpreprocessed input, bytes).
#
# Every .cfg goes through the C preprocessor first, as in a real build,
# from its own directory so that messages name it as "NAME.cfg".
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(basename dirname);
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use Test::More;
use Time::HiRes qw(time);

my $here = abs_path(dirname(__FILE__));
my $top = abs_path("$here/../..");
# UNITRON_CFG: test another build (e.g. one with sanitizers).
my $tool = $ENV{UNITRON_CFG} // "$top/cfg/unitron-cfg";
my $tmp = tempdir('unitron-cfg-t.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $cc = $ENV{CC} // 'gcc';
my @cpp_inc = ("-I$top/itron/include", "-I$here/stub");
my @cc_inc = ("-I$here/stub", "-I$top/itron/include", "-I$top/itron/kernel");
my @cc_flags = qw(-std=c11 -Wall -Wextra -Werror);

if (!defined($ENV{UNITRON_CFG})) {
	system('make', '-s', '-C', "$top/cfg") == 0
	    or BAIL_OUT('cannot build cfg/unitron-cfg');
}

sub slurp {
	my ($f) = @_;
	open(my $fh, '<', $f) or return undef;
	local $/;
	my $s = <$fh>;
	close($fh);
	return $s;
}

sub spew {
	my ($f, $s) = @_;
	open(my $fh, '>', $f) or die "$f: $!";
	print $fh $s;
	close($fh) or die "$f: $!";
}

# Run a command; returns (exit status or -signal, stdout, stderr).
sub run {
	my (%o) = @_;
	my $out = "$tmp/run.out";
	my $err = "$tmp/run.err";
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		chdir($o{dir}) or die "$o{dir}: $!" if $o{dir};
		open(STDIN, '<', $o{stdin} // '/dev/null') or die;
		open(STDOUT, '>', $out) or die;
		open(STDERR, '>', $err) or die;
		exec(@{$o{cmd}}) or die "exec $o{cmd}[0]: $!";
	}
	waitpid($pid, 0);
	my $st = $? & 127 ? -($? & 127) : $? >> 8;
	return ($st, slurp($out) // '', slurp($err) // '');
}

# A sanitizer's or valgrind's report in the messages.
sub insane {
	my ($err) = @_;
	return $err =~ /Sanitizer|runtime error:|^==\d+==/m;
}

# Preprocess DIR/FILE into OUT, from DIR.
sub cpp {
	my ($dir, $file, $out) = @_;
	my ($st, undef, $err) = run(dir => $dir, cmd => [$cc, '-E', '-x', 'c',
	    '-D_MACRO_ONLY', @cpp_inc, $file, '-o', $out]);
	diag("cpp $file: $err") if $st != 0;
	return $st == 0;
}

# Run the configurator on IN (run from IN's directory, so messages and
# the header comment name it as given).
sub cfg {
	my ($in, $outdir, @opts) = @_;
	make_path($outdir);
	return run(dir => dirname($in),
	    cmd => [$tool, '-o', $outdir, @opts, basename($in)]);
}

sub files_in {
	my ($d) = @_;
	opendir(my $dh, $d) or return ();
	my @f = grep { !/^\.\.?$/ } readdir($dh);
	closedir($dh);
	return @f;
}

sub unescape {
	my ($s) = @_;
	$s =~ s/\\t/\t/g;
	$s =~ s/\\n/\n/g;
	return $s;
}

sub count_of {
	my ($hay, $needle) = @_;
	my $n = 0;
	my $pos = 0;
	while (($pos = index($hay, $needle, $pos)) >= 0) {
		$n++;
		$pos += length($needle);
	}
	return $n;
}

sub compile {
	my ($outdir, @more) = @_;
	# With the name tables a port may ask for, so they compile too.
	return run(cmd => [$cc, @cc_flags, '-fsyntax-only', "-I$outdir",
	    '-DCFG_OBJECT_NAMES', "-I$here/good", @cc_inc,
	    "$outdir/kernel_cfg.c", @more]);
}

# ------------------------------------------------------------- good files

for my $cfgfile (sort glob("$here/good/*.cfg")) {
	my $name = basename($cfgfile, '.cfg');
	my $expect = "$here/good/$name.expect";
	next unless -f $expect;		# an included piece
	my $dir = "$tmp/good/$name";
	make_path($dir);
	my $i = "$dir/$name.i";
	cpp("$here/good", "$name.cfg", $i) or BAIL_OUT("cpp $name.cfg");
	my ($st, undef, $err) = cfg($i, $dir);
	ok($st == 0 && $err eq '', "good/$name: accepted")
	    or diag("exit $st\n$err");
	my $id = slurp("$dir/kernel_id.h") // '';
	my $c = slurp("$dir/kernel_cfg.c") // '';
	my $compile_fails;
	for my $line (split(/\n/, slurp($expect))) {
		next if $line =~ /^\s*(#|$)/;
		if ($line =~ /^compile-fails: (.*)$/) {
			$compile_fails = $1;
			next;
		}
		$line =~ /^(!?)(id|cfg)(?:\*(\d+))?: (.*)$/
		    or BAIL_OUT("$expect: bad line '$line'");
		my ($not, $which, $count, $text) = ($1, $2, $3, unescape($4));
		my $hay = $which eq 'id' ? $id : $c;
		my $file = $which eq 'id' ? 'kernel_id.h' : 'kernel_cfg.c';
		my $n = count_of($hay, $text);
		my $show = $4;
		if ($not) {
			ok($n == 0, "good/$name: $file lacks '$show'");
		} elsif (defined($count)) {
			is($n, $count, "good/$name: $file has '$show' " .
			    "$count time(s)");
		} else {
			ok($n > 0, "good/$name: $file has '$show'")
			    or diag($file eq 'kernel_id.h' ? $id : $c);
		}
	}
	my ($cst, undef, $cerr) = compile($dir);
	if (defined($compile_fails)) {
		ok($cst != 0 && index($cerr, $compile_fails) >= 0,
		    "good/$name: kernel_cfg.c is rejected by the compiler " .
		    "with '$compile_fails'") or diag($cerr);
	} else {
		ok($cst == 0, "good/$name: kernel_cfg.c compiles with " .
		    "@cc_flags") or diag($cerr);
	}
}

# sample.cfg's tables as the C compiler built them.
{
	my $dir = "$tmp/good/sample";
	my ($st, undef, $err) = run(cmd => [$cc, @cc_flags, "-I$dir",
	    "-I$here/good", @cc_inc, '-c', "$dir/kernel_cfg.c", '-o',
	    "$dir/kernel_cfg.o"]);
	ok($st == 0, 'good/sample: kernel_cfg.c compiles to an object')
	    or diag($err);
	my (undef, $syms) = run(cmd => ['nm', "$dir/kernel_cfg.o"]);
	ok($syms =~ /tinib_table/ && $syms !~ /name_table/,
	    'good/sample: no name tables unless the port asks for them')
	    or diag($syms);
	($st, undef, $err) = run(cmd => [$cc, @cc_flags, "-I$dir",
	    "-I$here/good", @cc_inc, "$dir/kernel_cfg.o",
	    "$here/check_tables.c", '-o', "$dir/dump"]);
	ok($st == 0, 'good/sample: links with check_tables.c') or diag($err);
	my ($dst, $dump) = run(cmd => ["$dir/dump"]);
	my @sizes = grep { /^sizeof / } split(/\n/, $dump);
	my $tables = join('', map { "$_\n" } grep { !/^sizeof / }
	    split(/\n/, $dump));
	is($tables, slurp("$here/good/sample.tables"),
	    'good/sample: the tables hold what sample.cfg says');

	# The control block arrays have one element per ID, reserved ones
	# included; the initialization blocks of reserved IDs one per
	# reserved ID (one for none).
	my %size = ($sizes[0] // '') =~ /(\w+\*?)=(\d+)/g;
	my ($nst, $nm) = run(cmd => ['nm', '-S', '--defined-only',
	    "$dir/kernel_cfg.o"]);
	my %sym;
	for (split(/\n/, $nm)) {
		$sym{$3} = hex($2) if /^(\S+) (\S+) \w (\S+)$/;
	}
	SKIP: {
		skip('nm not available', 1) if $nst != 0;
		my @want = (tcb_table => 6 * ($size{TCB} // 0),
		    semcb_table => 5 * ($size{SEMCB} // 0),
		    dtqcb_table => 3 * ($size{DTQCB} // 0),
		    mpfcb_table => 2 * ($size{MPFCB} // 0),
		    cyccb_table => 3 * ($size{CYCCB} // 0),
		    mtxcb_table => 1 * ($size{MTXCB} // 0),
		    mbfcb_table => 3 * ($size{MBFCB} // 0),
		    almcb_table => 1 * ($size{ALMCB} // 0),
		    tmevt_heap => 11 * ($size{'TMEVTB*'} // 0),
		    atinib_table => 2 * ($size{TINIB} // 0),
		    aseminib_table => 3 * ($size{SEMINIB} // 0),
		    acycinib_table => 1 * ($size{CYCINIB} // 0),
		    apdqinib_table => 1 * ($size{PDQINIB} // 0),
		    _kernel_mpk => 1008);
		my @bad;
		while (my ($s, $n) = splice(@want, 0, 2)) {
			push(@bad, "$s: " . ($sym{$s} // 'missing') .
			    " bytes, want $n") if ($sym{$s} // -1) != $n;
		}
		ok(!@bad, 'good/sample: control block arrays sized by the ' .
		    'object counts and reserved IDs') or diag(join("\n", @bad));
	}
}

# ------------------------------------------------------------- bad files

for my $f (sort(glob("$here/bad/*.cfg"), glob("$here/bad/*.i"))) {
	my ($name, undef, $ext) = (basename($f) =~ /^(.*?)((\.cfg)|\.i)$/);
	my $dir = "$tmp/bad/$name";
	make_path("$dir/out");
	my $i = "$dir/$name.i";
	if ($f =~ /\.cfg$/) {
		cpp("$here/bad", "$name.cfg", $i) or BAIL_OUT("cpp $name.cfg");
	} else {
		spew($i, slurp($f));
	}
	my ($st, undef, $err) = cfg($i, "$dir/out");
	ok($st == 1 && !insane($err), "bad/$name: rejected with exit " .
	    "status 1") or diag("exit $st\n$err");
	my @left = files_in("$dir/out");
	ok(!@left, "bad/$name: no output file left")
	    or diag("left: @left");
	for my $line (split(/\n/, slurp("$here/bad/$name.err") // '')) {
		next if $line eq '';
		if ($line =~ /^!(.*)$/) {
			ok(index($err, $1) < 0, "bad/$name: does not report " .
			    "'$1'") or diag($err);
		} else {
			ok(index($err, $line) >= 0, "bad/$name: reports " .
			    "'$line'") or diag("got:\n$err");
		}
	}
}

# ------------------------------------------------- a huge configuration

{
	my $n = 4000;
	my $dir = "$tmp/huge";
	make_path($dir);
	my $s = "#include <kernel.h>\n";
	for my $k (1 .. $n) {
		$s .= "CRE_TSK(TASK$k, { TA_HLNG, $k, task, " .
		    (1 + $k % 16) . ", 1024 + $k, NULL });\n" .
		    "CRE_SEM(SEM$k, { TA_TPRI, 0, $k });\n" .
		    "CRE_CYC(CYC$k, { TA_HLNG, $k, cyc, $k, 0 });\n" .
		    "DEF_INH($k, { TA_HLNG, inh });\n" .
		    ($k % 2 ? "DEF_TEX(TASK$k, { TA_HLNG, tex });\n" : '');
	}
	spew("$dir/huge.cfg", $s);
	spew("$dir/huge.h", "#include <kernel.h>\n" .
	    "void task(VP_INT); void cyc(VP_INT); void inh(void);\n" .
	    "void tex(TEXPTN, VP_INT);\n");
	cpp($dir, 'huge.cfg', "$dir/huge.i") or BAIL_OUT('cpp huge.cfg');
	my $t0 = time();
	my ($st, undef, $err) = cfg("$dir/huge.i", $dir, '--kernel-cfg',
	    "$dir/kernel_cfg.c");
	my $dt = time() - $t0;
	ok($st == 0, "huge: $n tasks, semaphores, cyclic handlers and " .
	    "interrupt handlers accepted") or diag($err);
	ok($dt < 10, sprintf('huge: done in %.2f s', $dt));
	my $id = slurp("$dir/kernel_id.h") // '';
	ok(index($id, "#define TASK$n\t$n\n") >= 0 &&
	    index($id, "#define TNUM_TSKID\t$n\n") >= 0 &&
	    index($id, "#define TNUM_CYCID\t$n\n") >= 0,
	    'huge: IDs and counts');
	my $c = slurp("$dir/kernel_cfg.c") // '';
	is(count_of($c, '(void (*)(TEXPTN, VP_INT))(tex)'), $n / 2,
	    'huge: every other task has its DEF_TEX');
	my $i = slurp("$dir/huge.i");
	$i .= "CRE_SEM(SEM17, { TA_TPRI, 0, 1 });\n" .
	    "DEF_INH(3999, { TA_HLNG, inh });\n";
	spew("$dir/huge2.i", $i);
	($st, undef, $err) = cfg("$dir/huge2.i", "$dir/out2");
	ok($st == 1 && index($err, "CRE_SEM: duplicate semaphore name 'SEM17' " .
	    "(first defined at huge.cfg:") >= 0 &&
	    index($err, "DEF_INH: interrupt handler number 3999 is " .
	    "already defined") >= 0,
	    'huge: duplicates found at the end of a huge file') or diag($err);
	($st, undef, $err) = run(cmd => [$cc, '-std=c11', '-fsyntax-only',
	    "-I$dir", @cc_inc, '-include', "$dir/huge.h",
	    "$dir/kernel_cfg.c"]);
	ok($st == 0, 'huge: kernel_cfg.c compiles') or diag($err);
}

# ------------------------------------------------------- the command line

{
	my $dir = "$tmp/cli";
	make_path($dir);
	my $good = "$tmp/good/sample/sample.i";
	my $bad = "$tmp/bad/maxsem_zero/maxsem_zero.i";

	my ($st, $out, $err) = run(cmd => [$tool, '-h']);
	ok($st == 0 && $out =~ /^usage: unitron-cfg \[-o OUTDIR\]/,
	    'cli: -h prints the usage');
	($st, $out, $err) = run(cmd => [$tool]);
	ok($st == 1 && $err =~ /no input file/ && $err =~ /usage:/,
	    'cli: no input: usage and exit status 1');
	($st, $out, $err) = run(cmd => [$tool, '--frobnicate', $good]);
	ok($st == 1 && $err =~ /unknown option '--frobnicate'/,
	    'cli: an unknown option is an error');
	($st, $out, $err) = run(cmd => [$tool, '-o', $dir, "$dir/nope.i"]);
	ok($st == 1 && $err =~ /cannot open '.*nope\.i': No such file/,
	    'cli: a missing input file is reported');

	spew("$dir/a_file", "x\n");
	($st, $out, $err) = run(cmd => [$tool, '-o', "$dir/a_file/sub",
	    $good]);
	ok($st == 1 && $err =~ m{cannot write '.*a_file/sub/kernel_id\.h'},
	    'cli: an output directory that cannot be written is reported')
	    or diag($err);
	($st, $out, $err) = run(cmd => [$tool, '-o', "$dir/no/such/dir",
	    $good]);
	ok($st == 1 && $err =~ /cannot write .*No such file or directory/,
	    'cli: a missing output directory is reported') or diag($err);

	make_path("$dir/o1", "$dir/o2");
	($st, $out, $err) = run(cmd => [$tool, '-o', "$dir/o1",
	    '--kernel-id', "$dir/o2/my_id.h", "--kernel-cfg=$dir/o2/my_cfg.c",
	    $good]);
	ok($st == 0 && -s "$dir/o2/my_id.h" && -s "$dir/o2/my_cfg.c" &&
	    !files_in("$dir/o1"),
	    'cli: --kernel-id and --kernel-cfg name the outputs') or diag($err);

	make_path("$dir/o3");
	($st, $out, $err) = run(cmd => [$tool, "-o$dir/o3", '-'],
	    stdin => $good);
	ok($st == 0 && index(slurp("$dir/o3/kernel_id.h") // '',
	    'from <stdin>;') >= 0, 'cli: "-" reads standard input')
	    or diag($err);

	make_path("$dir/old");
	spew("$dir/old/kernel_id.h", "old id\n");
	spew("$dir/old/kernel_cfg.c", "old cfg\n");
	($st, $out, $err) = run(cmd => [$tool, '-o', "$dir/old", $bad]);
	ok($st == 1 && slurp("$dir/old/kernel_id.h") eq "old id\n" &&
	    slurp("$dir/old/kernel_cfg.c") eq "old cfg\n" &&
	    files_in("$dir/old") == 2,
	    'cli: an error leaves existing outputs alone and no temporary ' .
	    'file') or diag($err);
	($st, $out, $err) = run(cmd => [$tool, '-o', "$dir/old", $good]);
	ok($st == 0 && slurp("$dir/old/kernel_id.h") =~ /TASK1/ &&
	    files_in("$dir/old") == 2, 'cli: success replaces them');
	my $mode = (stat("$dir/old/kernel_cfg.c"))[2] & 07777;
	ok($mode & 0444, sprintf('cli: outputs are readable (mode %o)',
	    $mode));
}

# ------------------------------------------------------------- valgrind

SKIP: {
	my ($vst) = run(cmd => ['valgrind', '--version']);
	skip('valgrind not installed', 3) if $vst != 0;
	skip('UNITRON_CFG_NO_VALGRIND is set', 3)
	    if $ENV{UNITRON_CFG_NO_VALGRIND};
	for my $in ("$tmp/good/sample/sample.i",
	    "$tmp/bad/unbalanced_braces/unbalanced_braces.i",
	    "$tmp/bad/binary/binary.i") {
		my $name = basename($in, '.i');
		make_path("$tmp/vg/$name");
		my ($st, undef, $err) = run(cmd => ['valgrind', '-q',
		    '--leak-check=full', '--show-leak-kinds=all',
		    '--errors-for-leak-kinds=all', '--error-exitcode=99',
		    $tool, '-o', "$tmp/vg/$name", $in]);
		ok($st != 99 && $st >= 0 && $err !~ /==\d+==/,
		    "valgrind: no memory error or leak on $name.i")
		    or diag($err);
	}
}

done_testing();
