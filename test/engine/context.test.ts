import { describe, expect, it } from 'vitest';
import { organisationOnlyFromNames, personContextFromNames } from '../../src/engine/context.js';

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
    ['warehouses', ['warehouse_id', 'name', 'street', 'phone', 'email']],
    ['butikker', ['id', 'navn', 'adresse', 'telefon', 'email']],
  ])('%s %j is not', (container, fields) => {
    expect(personContextFromNames(container, fields)).toBe(false);
  });

  it('tells organisation-only tables from tables with contact persons', () => {
    expect(organisationOnlyFromNames('warehouses', ['warehouse_id', 'name', 'email'])).toBe(true);
    expect(organisationOnlyFromNames('Niederlassungen', ['id', 'Name', 'Telefon'])).toBe(true);
    expect(organisationOnlyFromNames('suppliers', ['supplier_id', 'company_name', 'contact_name'])).toBe(false);
    expect(organisationOnlyFromNames('customers', ['id', 'company_name', 'email'])).toBe(false);
    expect(organisationOnlyFromNames('orders', ['id', 'ship_name'])).toBe(false);
  });
});
