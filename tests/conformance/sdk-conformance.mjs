// Drives the simulator with RingCentral's own JavaScript SDK (@ringcentral/sdk 5.0.11).
// Usage: node sdk-conformance.mjs '<first-line JSON>'   (or env SIM_INFO; NODE_PATH / SDK_DIR points at node_modules)
// Prints each check; exits 1 on the first mismatch.
import { check, info, load, passed } from './harness.mjs';

const { SDK } = load('@ringcentral/sdk');

const sdk = new SDK({ server: info.url, clientId: info.clientId, clientSecret: info.clientSecret });
const platform = sdk.platform();

await platform.login({ jwt: info.adminJwt });
check(await platform.loggedIn(), 'JWT login');
const token = await platform.auth().data();
check(token.owner_id === info.adminExtensionId, 'token owner_id is the admin extension');

const me = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
check(String(me.id) === info.adminExtensionId && typeof me.id === 'number', 'who am I: numeric id of the admin');

// Follow nextPage over several small pages.
const dateFrom = new Date(Date.now() - 3 * 86400000).toISOString();
let url = `/restapi/v1.0/account/~/call-log?perPage=5&dateFrom=${dateFrom}`;
const ids = [];
let pages = 0;
while (url && pages < 4) {
  const page = await (await platform.get(url)).json();
  pages++;
  check(page.paging.page === pages && page.paging.perPage === 5, `page ${pages}: paging {page:${page.paging.page}, perPage:${page.paging.perPage}}`);
  check(page.records.length === 5 && page.paging.pageStart === (pages - 1) * 5, `page ${pages}: 5 records from ${page.paging.pageStart}`);
  ids.push(...page.records.map((r) => r.id));
  url = page.navigation.nextPage && page.navigation.nextPage.uri;
  check(Boolean(url), `page ${pages}: nextPage present`);
}
check(new Set(ids).size === ids.length, 'no record repeated across pages');

// Batch GET with one unknown id, parsed by the SDK's multipart helper.
const batchIds = [ids[0], 'Unknown0000001', ids[1]];
const batchResponse = await platform.get(`/restapi/v1.0/account/~/call-log/${batchIds.join(',')}`);
check(batchResponse.status === 207, 'batch answers 207');
const parts = await sdk.client().multipart(batchResponse);
check(parts.length === 3, `multipart helper gives ${parts.length} parts`);
check(parts[0].ok && (await parts[0].json()).id === batchIds[0], 'part 1 is the first record');
check(parts[1].status === 404 && !parts[1].ok, 'part 2 (unknown id) is a 404');
const err = await parts[1].json();
check(err.errors && err.errors[0].errorCode === 'CMN-102', 'part 2 carries CMN-102');
check(parts[2].ok && (await parts[2].json()).id === batchIds[2], 'part 3 is the third record');

// Recording metadata and content (content from the media base, as contentUri says).
const withRec = await (await platform.get('/restapi/v1.0/account/~/call-log', { perPage: 1, recordingType: 'All', dateFrom })).json();
const rec = withRec.records[0].recording;
check(rec.contentUri.startsWith(info.mediaUrl), 'contentUri points at the media base');
const meta = await (await platform.get(rec.uri)).json();
check(meta.id === rec.id && typeof meta.duration === 'number' && /^audio\//.test(meta.contentType), 'recording metadata');
const content = await platform.get(meta.contentUri);
const bytes = new Uint8Array(await content.arrayBuffer());
check(content.headers.get('content-type') === meta.contentType, `content type ${meta.contentType}`);
check(bytes.length > 100 && bytes.length === Number(content.headers.get('content-length')), `content ${bytes.length} bytes`);

// Refresh (single use), then logout.
const before = (await platform.auth().data()).access_token;
await platform.refresh();
const after = (await platform.auth().data()).access_token;
check(after && after !== before, 'refresh gave a new access token');
const again = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
check(again.extensionNumber === '101', 'new token works');
await platform.logout();
check(!(await platform.loggedIn()), 'logout');

passed();
