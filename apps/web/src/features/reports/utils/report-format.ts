import { formatMoney } from '../../backoffice/utils/money.ts';

/** The shop sells in one currency; reports sum minor units of it. */
export const SHOP_CURRENCY = 'USD';

export const formatReportMoney = (cents: number) => formatMoney(cents, SHOP_CURRENCY);

const counts = new Intl.NumberFormat('en-US');
export const formatCount = (value: number) => counts.format(value);
