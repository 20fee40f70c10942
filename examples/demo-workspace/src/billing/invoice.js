// Demo source file: logs/app.log has a stack trace that points here.
"use strict";

const VAT_RATE = 0.2;

function lineTotal(line) {
  return line.quantity * line.unitPrice;
}

function computeInvoice(order) {
  const subtotal = order.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const discount = order.customer.loyalty.discountRate * subtotal;
  const net = subtotal - discount;
  return { subtotal, discount, net, vat: net * VAT_RATE, total: net * (1 + VAT_RATE) };
}

function sendInvoice(order, mailer) {
  const invoice = computeInvoice(order);
  return mailer.send(order.customer.email, `Votre facture : ${invoice.total.toFixed(2)} €`);
}

module.exports = { computeInvoice, sendInvoice };
