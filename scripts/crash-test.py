#!/usr/bin/env python3
"""Kills command-line writers with SIGKILL at random moments during many saves, then
checks what README's "Reliability" section promises: the store loads (etjanst and
plistlib), every acknowledged change is in it with its audit line, no audit line is
listed for a save that did not happen, and no temporary file is left.

Usage: scripts/crash-test.py [SAVES] [ETJANST-BINARY]   (default 1000, .build/release/etjanst)
Also: scripts/crash-test.py --writers N --edits M [BINARY]: N writers at once, M edits
in all, no kills; every edit must be saved (0 lost)."""
import os, plistlib, random, re, signal, subprocess, sys, tempfile, time

args = sys.argv[1:]
writers = edits = None
if args and args[0] == '--writers':
    writers, edits, args = int(args[1]), int(args[3]), args[4:]
saves = int(args[0]) if args and not writers else 1000
binary = os.path.abspath(args[-1] if args and not args[-1].isdigit() else '.build/release/etjanst')

folder = tempfile.mkdtemp(prefix='etjanst-crash-')
os.chmod(folder, 0o700)
store = os.path.join(folder, 'etjanst.plist')
subprocess.run([binary, 'demo', '--output', store], check=True, stdout=subprocess.DEVNULL)
m = plistlib.load(open(store, 'rb'))['municipality']
service = m['services'][0]['name']
login = [p['login'] for p in m['staff'] if p['status'] == 'active'][0]

def command(number):
    csv = os.path.join(folder, number + '.csv')
    with open(csv, 'w') as f:
        f.write(f'{number};{service};{login};Pågående\n')
    return [binary, 'cases', 'import', csv, '--store', store, '--lang', 'en']

acknowledged, kills = set(), 0
start = time.time()
if writers:
    import threading
    per = edits // writers
    failures = []
    def writer(w):
        # One writer process after another, as a script or cron job would run them.
        for i in range(per):
            if subprocess.run(command(f'MW-{w}-{i}'), stdout=subprocess.DEVNULL).returncode:
                failures.append(f'MW-{w}-{i}')
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    for t in threads: t.start()
    for t in threads: t.join()
    if failures:
        sys.exit(f'writers failed: {failures[:5]}')
    acknowledged = {f'MW-{w}-{i}' for w in range(writers) for i in range(per)}
else:
    # Calibrate: how long one save takes here, so kills land all over it.
    t = time.time(); subprocess.run(command('CR-0'), check=True, stdout=subprocess.DEVNULL)
    span = max(time.time() - t, 0.05) * 1.3
    acknowledged.add('CR-0')
    for i in range(1, saves):
        number = f'CR-{i}'
        p = subprocess.Popen(command(number), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, span))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL); kills += 1
        out, _ = p.communicate()
        if b'Imported 1 case' in out:
            acknowledged.add(number)
    last = f'CR-{saves}'
    subprocess.run(command(last), check=True, stdout=subprocess.DEVNULL)  # removes what kills left
    acknowledged.add(last)
elapsed = time.time() - start

check = subprocess.run([binary, 'list', 'cases', '--format', 'csv', '--store', store],
                       capture_output=True, text=True)
assert check.returncode == 0, check.stderr
cases = set(re.findall(r'\b(?:CR|MW)-[0-9-]+\b', check.stdout))
audit = subprocess.run([binary, 'list', 'audit', '--format', 'csv', '--store', store],
                       capture_output=True, text=True)
audited = set(re.findall(r'\b(?:CR|MW)-[0-9-]+\b', audit.stdout))
python = {c['number'] for c in plistlib.load(open(store, 'rb'))['municipality']['cases']
          if re.match(r'(CR|MW)-', c['number'])}
temporary = [n for n in os.listdir(folder) if n.endswith('.tmp')]
lost = acknowledged - cases
print(f'{"writers " + str(writers) + ", edits " + str(len(acknowledged)) if writers else "saves " + str(saves) + ", SIGKILLs " + str(kills)}'
      f', acknowledged {len(acknowledged)}, lost {len(lost)}, saved without audit line {len(cases - audited)}'
      f', audit lines without save {len(audited - cases)}, plistlib agrees {python == cases}'
      f', temporary files left {len(temporary)}, {elapsed:.0f} s')
ok = not lost and cases == audited and python == cases and not temporary
subprocess.run(['rm', '-rf', folder])
sys.exit(0 if ok else 1)
