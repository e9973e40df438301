import { describe, expect, it } from 'vitest';
import { personContextFromNames } from '../../src/engine/context.js';

describe('person context from names', () => {
  it.each([
    ['customer', ['id', 'name']],
    ['Employees', ['EmployeeID', 'Title']],
    ['kunder', ['id', 'navn']],
    ['Mitarbeiter', ['id', 'Name']],
    ['actor', ['actor_id', 'first_name', 'last_name']],
    ['suppliers', ['supplier_id', 'company_name', 'contact_name', 'contact_title']],
    ['orders.csv', ['order_id', 'contact_first_name']],
    ['t', ['id', 'fornavn', 'efternavn']],
    ['t', ['id', 'title_of_courtesy']],
    ['t', ['id', 'Geschlecht']],
  ])('%s %j is about people', (container, fields) => {
    expect(personContextFromNames(container, fields)).toBe(true);
  });

  it.each([
    ['artist', ['artist_id', 'name']],
    ['album', ['album_id', 'title', 'artist_id']],
    ['genre', ['genre_id', 'name']],
    ['products', ['product_id', 'product_name', 'supplier_id']],
    ['shippers', ['shipper_id', 'company_name', 'phone']],
    ['productos', ['id', 'nombre', 'precio']],
    ['elevators', ['id', 'floor']],
  ])('%s %j is not', (container, fields) => {
    expect(personContextFromNames(container, fields)).toBe(false);
  });
});
