// Drives the simulator's WebSocket gateway with RingCentral's own subscription client
// (@ringcentral/subscriptions 5.0.11, the JS SDK's WebSocket client, over @ringcentral/sdk 5.0.11).
// Usage: node subscriptions-conformance.mjs '<first-line JSON>'   (SDK_DIR points at the npm prefix)
// Needs the simulator started with --test-hooks. Prints each check; exits 1 on the first mismatch.
import { check, info, load, passed } from './harness.mjs';

const { SDK } = load('@ringcentral/sdk');
const { Subscriptions } = load('@ringcentral/subscriptions');

async function hook(name, body) {
  const r = await fetch(`${info.url}/_sim/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  check(r.ok, `hook ${name} answers ${r.status}`);
  return r.json();
}

// Waits until predicate() holds, or fails after a generous hang guard.
async function until(predicate, what, ms = 20000) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) check(false, `${what} (gave up after ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sdk = new SDK({ server: info.url, clientId: info.clientId, clientSecret: info.clientSecret });
await sdk.platform().login({ jwt: info.adminJwt });
check(await sdk.platform().loggedIn(), 'JWT login');

const subscriptions = new Subscriptions({ sdk });
const subscription = subscriptions.createSubscription();
const events = [];
subscription.on(subscription.events.notification, (event) => events.push(event));
const registered = await subscription.setEventFilters(['/restapi/v1.0/account/~/telephony/sessions']).register();
const info1 = registered.subscriptionInfo;
check(info1 && info1.id && info1.status === 'Active', `subscribed: ${info1 && info1.id}`);
check(info1.deliveryMode.transportType === 'WebSocket', 'delivery mode WebSocket');

const added = await hook('calls', { count: 3 });
// The hook answers with call log record ids: a queue call leaves one per extension it rang.
check(added.added.length >= 3, '3 calls added');
const disconnected = () => new Set(events.filter((e) => e.body.parties[0].status.code === 'Disconnected').map((e) => e.body.telephonySessionId));
await until(() => disconnected().size === 3, 'each of the 3 calls ends with Disconnected');
check(events.every((e) => e.subscriptionId === info1.id), 'every event names the subscription');
check(events.every((e) => e.event === `/restapi/v1.0/account/${info.accountId}/telephony/sessions`), 'every event names the filter with real ids');
const bySession = new Map();
for (const e of events) bySession.set(e.body.telephonySessionId, [...(bySession.get(e.body.telephonySessionId) || []), e.body.sequence]);
check([...bySession.values()].every((s) => [...s].sort((a, b) => a - b).every((v, i) => v === i + 1)), 'sequences count from 1 per session, none missing or repeated');

// The gateway drops every socket; the SDK reconnects and recovers the session on its own.
const before = events.length;
const dropped = await hook('ws', { drop: true });
check(dropped.dropped === 1, 'the gateway dropped the SDK socket');
await new Promise((r) => setTimeout(r, 500));
await hook('calls', { count: 2 });
await until(() => disconnected().size === 5, 'after the drop, the 2 new calls arrive too (recovered or re-subscribed)', 30000);
const keys = events.map((e) => `${e.body.telephonySessionId}/${e.body.sequence}`);
check(new Set(keys).size === keys.length, `no event delivered twice (${events.length - before} after the drop)`);

await registered.revoke();
check(true, 'subscription revoked over the socket');
await sdk.platform().logout();
passed();
process.exit(0);
