/**
 * Fits the own-case model (engine/conversation/own-case.ts) on BANKING77: the messages of its
 * intents that tell of trouble that happened to the customer ("my transfer hasn't arrived", "I
 * was charged twice") against those of its intents that ask how things work ("how do I top up",
 * "which currencies do you support"); intents that mix the two ("pending top-up": "how long does
 * a top-up take" and "my top-up is still pending") are left out. Writes own-case-weights.json and
 * prints the AUROC on BANKING77's test split, and the share of each shop set's questions by what
 * they expect above a few cuts (the shop sets never fit it).
 *   npx tsx scripts/tune/fit-own-case.ts ../shared/eval/banking77 [shop roots, comma-separated]
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { ownCaseFeatures } from '../../engine/conversation/own-case';
import { auroc, readJsonl } from '../../engine/eval/stats';
import { fitLogistic } from './fit-frustration';

const OWN = new Set(
  `card_payment_wrong_exchange_rate extra_charge_on_statement card_not_working wrong_amount_of_cash_received
  card_payment_fee_charged transfer_not_received_by_recipient top_up_reverted
  balance_not_updated_after_cheque_or_cash_deposit card_payment_not_recognised compromised_card
  direct_debit_payment_not_recognised declined_cash_withdrawal Refund_not_showing_up declined_transfer card_swallowed
  transaction_charged_twice reverted_card_payment? failed_transfer virtual_card_not_working
  wrong_exchange_rate_for_cash_withdrawal top_up_failed balance_not_updated_after_bank_transfer
  cash_withdrawal_not_recognised contactless_not_working declined_card_payment pin_blocked card_arrival
  beneficiary_not_allowed`.split(/\s+/),
);
const POLICY = new Set(
  `exchange_rate fiat_currency_support card_delivery_estimate automatic_top_up exchange_via_app age_limit
  top_up_by_bank_transfer_charge top_up_limits supported_cards_and_currencies getting_virtual_card card_acceptance
  why_verify_identity visa_or_mastercard disposable_card_limits atm_support change_pin receiving_money
  transfer_into_account getting_spare_card top_up_by_cash_or_cheque order_physical_card get_disposable_virtual_card
  exchange_charge top_up_by_card_charge cash_withdrawal_charge apple_pay_or_google_pay verify_my_identity
  country_support transfer_timing terminate_account edit_personal_details card_linking verify_source_of_funds
  verify_top_up`.split(/\s+/),
);
const L2 = 1e-3;

type Tagged = { text: string; tag: string };

const score = (w: number[], x: number[]) => 1 / (1 + Math.exp(-x.reduce((z, v, j) => z + w[j] * v, w[x.length])));

async function main(): Promise<void> {
  const [dir, roots = ''] = process.argv.slice(2);
  if (!dir) throw new Error('usage: fit-own-case.ts BANKING77_DIR [SHOP_ROOTS]');
  const labelled = (file: string) =>
    readJsonl<Tagged>(join(dir, file)).filter((r) => OWN.has(r.tag) || POLICY.has(r.tag));
  const train = labelled('train-full.jsonl');
  const test = labelled('test.jsonl');
  const w = fitLogistic(
    train.map((r) => ownCaseFeatures(r.text)),
    train.map((r) => (OWN.has(r.tag) ? 1 : 0)),
    L2,
  );
  const report = {
    n: train.length,
    test_auroc: auroc(
      test.map((r) => score(w, ownCaseFeatures(r.text))),
      test.map((r) => OWN.has(r.tag)),
    ),
  };
  process.stdout.write(JSON.stringify(report) + '\n');
  for (const root of roots.split(',').filter(Boolean)) {
    const rows = readdirSync(root)
      .map((shop) => join(root, shop, 'questions.jsonl'))
      .filter(existsSync)
      .flatMap((f) => readJsonl<{ q: string; expect: string }>(f));
    for (const expect of ['handoff', 'answer', 'abstain']) {
      const scores = rows.filter((r) => r.expect === expect).map((r) => score(w, ownCaseFeatures(r.q)));
      const above = [0.5, 0.8, 0.9, 0.95].map(
        (t) => `${t}: ${(scores.filter((s) => s >= t).length / scores.length).toFixed(3)}`,
      );
      process.stdout.write(`${root} ${expect} (${scores.length}) ${above.join('  ')}\n`);
    }
  }
  const out = fileURLToPath(new URL('../../engine/conversation/own-case-weights.json', import.meta.url));
  const json = {
    note: `logistic regression, L2 ${L2}, fitted on banking77/train-full.jsonl (scripts/tune/fit-own-case.ts); ${JSON.stringify(report)}`,
    bias: +w[w.length - 1].toFixed(4),
    weights: w.slice(0, -1).map((v) => +v.toFixed(4)),
  };
  const style = await resolveConfig(out);
  writeFileSync(out, await format(JSON.stringify(json), { ...style, filepath: out }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
