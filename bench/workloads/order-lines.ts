/**
 * Workload "order lines": orders with 1 to 8 nested lines in, one order out
 * per order with its lines renamed, the sum of the line amounts and the order
 * date reformatted from yyyy-MM-dd to dd.MM.yyyy
 * (bench/mappings/order-lines-jsonl.mapwright.json).
 */
import { seededRandom } from '../generate-records';

/** One line of a generated order. */
export interface OrderLine {
  lineNo: number;
  sku: string;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** One generated order. */
export interface Order {
  orderId: string;
  orderDate: string;
  customer: { id: string; name: string };
  currency: string;
  lines: OrderLine[];
}

const WORDS = ['bolt', 'washer', 'bracket', 'hinge', 'panel', 'cable', 'sensor', 'valve'];

/** `count` orders from `seed`. */
export function generateOrders(count: number, seed = 11): Order[] {
  const random = seededRandom(seed);
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const lines: OrderLine[] = [];
    const lineCount = 1 + Math.floor(random() * 8);
    for (let n = 1; n <= lineCount; n++) {
      const quantity = 1 + Math.floor(random() * 50);
      const unitPrice = Math.round(random() * 50000) / 100;
      lines.push({
        lineNo: n,
        sku: `SKU-${String(Math.floor(random() * 99999)).padStart(5, '0')}`,
        description: `${WORDS[Math.floor(random() * WORDS.length)]} ${n}`,
        quantity,
        unitPrice,
        amount: Math.round(quantity * unitPrice * 100) / 100,
      });
    }
    orders.push({
      orderId: `PO-${String(i).padStart(8, '0')}`,
      orderDate: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      customer: { id: `C${Math.floor(random() * 1e6)}`, name: `Customer ${i % 997}` },
      currency: random() < 0.5 ? 'EUR' : 'USD',
      lines,
    });
  }
  return orders;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** yyyy-MM-dd -> dd.MM.yyyy, rejecting impossible dates as the generated expression does. */
function reformatDate(text: string, field: string): string {
  const match = ISO_DATE.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    throw new Error(`${field}: date "${text}" does not match yyyy-MM-dd`);
  }
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** The mapping written by hand. */
export function orderLinesByHand(orders: readonly Order[]): unknown[] {
  return orders.map((order) => {
    if (!order.orderId) throw new Error('Required target field orderNumber has no value');
    let total = 0;
    const lines = order.lines.map((line) => {
      total += line.amount;
      return { lineNumber: line.lineNo, sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice, amount: line.amount };
    });
    return {
      orderNumber: order.orderId,
      orderDate: reformatDate(order.orderDate, 'orderDate'),
      customerId: order.customer.id,
      currency: order.currency,
      total,
      lines,
    };
  });
}
