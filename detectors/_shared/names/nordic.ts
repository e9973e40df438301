/**
 * Danish, Norwegian and Swedish given names and surnames. No npm package ships Nordic name
 * frequency lists, so these are the most common names in the national statistics offices'
 * published name tables (Danmarks Statistik, SSB, SCB), written down by hand. Spelled as
 * written; the gazetteer folds them (ø→o, å→a, ä→a) like every other list.
 */

export const NORDIC_FIRST_NAMES: readonly string[] = [
  // Danish, men
  'Peter', 'Michael', 'Lars', 'Jens', 'Thomas', 'Henrik', 'Søren', 'Christian', 'Jan', 'Martin', 'Niels',
  'Anders', 'Morten', 'Jesper', 'Mads', 'Rasmus', 'Hans', 'Per', 'Jørgen', 'Ole', 'Mikkel', 'Kim', 'Erik',
  'John', 'Frederik', 'Jonas', 'Mathias', 'Emil', 'Poul', 'Claus', 'Simon', 'Daniel', 'Jacob', 'Andreas',
  'Torben', 'Kasper', 'Flemming', 'Bent', 'Carsten', 'Brian', 'Oliver', 'Magnus', 'Allan', 'Lasse', 'Jakob',
  'Kristian', 'Bjarne', 'Sebastian', 'Finn', 'Henning', 'Tobias', 'Alexander', 'Svend', 'Steen', 'Kenneth',
  'Leif', 'William', 'Kurt', 'Knud', 'Mogens', 'Benjamin', 'Casper', 'Dennis', 'Bo', 'Jeppe', 'Noah', 'Frank',
  'Arne', 'Preben', 'Victor', 'Lucas', 'Nikolaj', 'Nicolai', 'René', 'Carl', 'Klaus', 'Karsten', 'Tommy',
  'Marcus', 'Anton', 'David', 'Jørn', 'Johnny', 'Patrick', 'Karl', 'Kaj', 'Johan', 'Gustav', 'Nicklas', 'Malthe',
  'Johannes', 'Elias', 'Benny', 'Palle', 'Steffen', 'Lukas', 'Adam', 'Gert', 'Dan', 'Oscar', 'Rune',
  'Christoffer', 'Jonathan', 'August', 'Valdemar', 'Asger', 'Ib', 'Philip', 'Kjeld', 'Bjørn', 'Alfred',
  'Stefan', 'Marius', 'Ove', 'Mikael', 'Erling', 'Aksel', 'Viktor', 'Oskar', 'Stig', 'Peder', 'Keld', 'Børge',
  'Kristoffer', 'Troels', 'Viggo', 'Ulrik', 'Villads', 'Silas', 'Vagn', 'Thor', 'Otto', 'Egon', 'Kent',
  'Gunnar', 'Esben', 'Holger', 'Bertram', 'Malte', 'Laurits', 'Julius', 'Helge', 'Sune', 'Villy', 'Tage',
  'Asbjørn', 'Ejnar', 'Eigil', 'Frode', 'Jannik', 'Jimmi', 'Kåre', 'Mark', 'Orla', 'Poul-Erik', 'Svenning',
  'Thorkild', 'Torsten', 'Uffe', 'Aage', 'Åge', 'Bent', 'Birger', 'Christen', 'Ebbe', 'Eskild', 'Hjalte',
  // Danish, women
  'Anne', 'Kirsten', 'Mette', 'Hanne', 'Helle', 'Anna', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Lone',
  'Camilla', 'Pia', 'Louise', 'Charlotte', 'Tina', 'Gitte', 'Bente', 'Jette', 'Karen', 'Inge', 'Julie', 'Ida',
  'Rikke', 'Emma', 'Sofie', 'Birgit', 'Christina', 'Pernille', 'Marie', 'Laura', 'Inger', 'Birthe', 'Line',
  'Ulla', 'Annette', 'Else', 'Heidi', 'Jytte', 'Cecilie', 'Anette', 'Eva', 'Karin', 'Birgitte', 'Lis',
  'Dorthe', 'Signe', 'Tove', 'Lisbeth', 'Maja', 'Mathilde', 'Trine', 'Emilie', 'Nanna', 'Sara', 'Katrine',
  'Dorte', 'Caroline', 'Ellen', 'Karina', 'Stine', 'Bodil', 'Vibeke', 'Grethe', 'Freja', 'Sarah', 'Malene',
  'Lise', 'Jane', 'Anja', 'Mia', 'Linda', 'Lærke', 'Isabella', 'Amalie', 'Nina', 'Ingrid', 'Josefine',
  'Clara', 'Anni', 'Ruth', 'Astrid', 'Mona', 'Henriette', 'Aase', 'Lotte', 'Jeanette', 'Alberte', 'Tine',
  'Anita', 'Sonja', 'Michelle', 'Victoria', 'Johanne', 'Ditte', 'Alice', 'Mie', 'Ella', 'Frida', 'Mille',
  'Margit', 'Laila', 'Simone', 'Jonna', 'Olivia', 'Bettina', 'Alma', 'Ann', 'Lea', 'Elisabeth', 'Kristina',
  'Helene', 'Britta', 'Connie', 'Sofia', 'Inga', 'Gerda', 'Tanja', 'Joan', 'Rita', 'Frederikke', 'Lena',
  'Sanne', 'Merete', 'Kathrine', 'Lisa', 'Birte', 'Agnes', 'Asta', 'Liva', 'Andrea', 'Betina', 'Esther',
  'Karoline', 'Berit', 'Christine', 'Sandra', 'Josephine', 'Irene', 'Thea', 'Jannie', 'Janne', 'Iben',
  'Edith', 'Carina', 'Elin', 'Liv', 'Rosa', 'Vivi', 'Annie', 'Karla', 'Randi', 'Annelise', 'Katja', 'Luna',
  'Solveig', 'Lillian', 'Agnete', 'Dagmar', 'Gudrun', 'Hedvig', 'Jonna', 'Kamma', 'Lykke', 'Sigrid', 'Sørine',
  'Tove', 'Ulrikke', 'Vera', 'Yvonne',
  // Norwegian
  'Ola', 'Knut', 'Arild', 'Geir', 'Tor', 'Terje', 'Svein', 'Trond', 'Odd', 'Rune', 'Kjell', 'Jon', 'Øyvind',
  'Eirik', 'Espen', 'Håkon', 'Sindre', 'Sigurd', 'Eivind', 'Vegard', 'Stian', 'Tore', 'Dag', 'Egil', 'Harald',
  'Halvor', 'Ingvar', 'Jostein', 'Kåre', 'Olav', 'Petter', 'Sverre', 'Torbjørn', 'Trygve', 'Vidar', 'Bård',
  'Ingrid', 'Kari', 'Marit', 'Liv', 'Hilde', 'Ragnhild', 'Turid', 'Gunn', 'Wenche', 'Siri', 'Kristin', 'Silje',
  'Ingeborg', 'Guro', 'Tone', 'Hege', 'Åse', 'Astrid', 'Synnøve', 'Torill', 'Unni', 'Vigdis', 'Sigrun',
  'Nora', 'Emma', 'Ingvild', 'Maren', 'Tuva', 'Hedda', 'Live',
  // Swedish
  'Lars', 'Mikael', 'Anders', 'Johan', 'Per', 'Erik', 'Karl', 'Peter', 'Jan', 'Thomas', 'Daniel', 'Fredrik',
  'Hans', 'Bengt', 'Mats', 'Stefan', 'Nils', 'Magnus', 'Björn', 'Lennart', 'Mattias', 'Sven', 'Göran', 'Ulf',
  'Bo', 'Åke', 'Leif', 'Gunnar', 'Kent', 'Kjell', 'Roger', 'Rolf', 'Stig', 'Tommy', 'Håkan', 'Jonas', 'Oskar',
  'Gustav', 'Axel', 'Viktor', 'Simon', 'Jesper', 'Henrik', 'Emil', 'Linus', 'Olof', 'Ingvar', 'Torbjörn',
  'Sten', 'Gösta', 'Ragnar', 'Kerstin', 'Ingrid', 'Birgitta', 'Eva', 'Karin', 'Anna', 'Maria', 'Margareta',
  'Elisabeth', 'Kristina', 'Lena', 'Marie', 'Ulla', 'Britt', 'Inger', 'Gunilla', 'Helena', 'Linnéa', 'Åsa',
  'Annika', 'Susanne', 'Sofia', 'Ebba', 'Elsa', 'Maja', 'Agnes', 'Alva', 'Wilma', 'Saga', 'Stina', 'Malin',
  'Jenny', 'Johanna', 'Emelie', 'Ylva', 'Ingegerd', 'Siv', 'Solveig', 'Gun', 'Monica', 'Camilla', 'Sara',
  'Frida', 'Klara', 'Ellinor', 'Elin', 'Moa', 'Tove', 'Linn', 'Ronja',
  // Finnish and Icelandic names common across the region
  'Mikko', 'Jukka', 'Timo', 'Matti', 'Juha', 'Kari', 'Pekka', 'Antti', 'Heikki', 'Jari', 'Pirkko', 'Tuula',
  'Anneli', 'Päivi', 'Riitta', 'Sari', 'Tiina', 'Satu', 'Jón', 'Sigurður', 'Guðrún', 'Björk',
];

export const NORDIC_SURNAMES: readonly string[] = [
  // Danish
  'Nielsen', 'Jensen', 'Hansen', 'Andersen', 'Pedersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Jacobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen',
  'Lund', 'Henriksen', 'Holm', 'Schmidt', 'Eriksen', 'Kristiansen', 'Simonsen', 'Clausen', 'Andreasen',
  'Svendsen', 'Østergaard', 'Iversen', 'Vestergaard', 'Jeppesen', 'Kjær', 'Nørgaard', 'Nissen', 'Lauridsen',
  'Mogensen', 'Jespersen', 'Søndergaard', 'Jepsen', 'Frandsen', 'Dahl', 'Skov', 'Jessen', 'Bertelsen',
  'Carlsen', 'Bruun', 'Bach', 'Friis', 'Christoffersen', 'Lassen', 'Winther', 'Gregersen', 'Krogh', 'Johnsen',
  'Bech', 'Kjeldsen', 'Toft', 'Ravn', 'Steffensen', 'Brandt', 'Danielsen', 'Lauritsen', 'Lind', 'Holst',
  'Andresen', 'Overgaard', 'Berg', 'Nygaard', 'Dam', 'Damgaard', 'Mathiesen', 'Bak', 'Søgaard', 'Hedegaard',
  'Bjerregaard', 'Bang', 'Kruse', 'Schou', 'Schultz', 'Juul', 'Thorsen', 'Nilsson', 'Mathiasen', 'Sommer',
  'Hald', 'Kjærgaard', 'Juhl', 'Thygesen', 'Karlsen', 'Kristoffersen', 'Riis', 'Aagaard', 'Hermansen', 'Koch',
  'Klausen', 'Lorenzen', 'Munk', 'Villadsen', 'Paulsen', 'Lorentzen', 'Bundgaard', 'Lange', 'Davidsen',
  'Beck', 'Vinther', 'Bonde', 'Hjorth', 'Lauritzen', 'Bjerre', 'Justesen', 'Meyer', 'Fischer', 'Dalsgaard',
  'Bendtsen', 'Gade', 'Kirkegaard', 'Kofoed', 'Eskildsen', 'Carstensen', 'Ibsen', 'Hougaard', 'Storm',
  'Kjærsgaard', 'Kampmann', 'Vestager', 'Lykke', 'Mølgaard', 'Skovgaard', 'Thomasen', 'Ottosen', 'Kirk',
  'Brodersen', 'Bisgaard', 'Brix', 'Buch', 'Dupont', 'Egholm', 'Fog', 'Gram', 'Hvid', 'Kragh', 'Lindberg',
  // Norwegian
  'Johannessen', 'Haugen', 'Hagen', 'Johnsen', 'Berg', 'Halvorsen', 'Bakken', 'Kristoffersen', 'Pettersen',
  'Gundersen', 'Jakobsen', 'Moen', 'Solberg', 'Strand', 'Martinsen', 'Paulsen', 'Knutsen', 'Eide', 'Bakke',
  'Lie', 'Dahl', 'Amundsen', 'Berntsen', 'Lunde', 'Nguyen', 'Ruud', 'Moe', 'Sandvik', 'Solheim', 'Haug',
  'Aasen', 'Myhre', 'Næss', 'Nygård', 'Vik', 'Lien', 'Brekke', 'Holmen', 'Fredriksen', 'Tangen', 'Hauge',
  'Engen', 'Aune', 'Hovland', 'Sæther', 'Rønning', 'Strøm', 'Ødegaard', 'Ødegård', 'Bergersen', 'Hansson',
  // Swedish
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg',
  'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Axelsson', 'Berg', 'Bergström',
  'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson',
  'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk',
  'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström',
  'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson',
  'Lundström', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström', 'Lund', 'Nordin',
  'Ström', 'Åberg', 'Ekström', 'Holmgren', 'Sundberg', 'Hedlund', 'Dahlberg', 'Hellström', 'Sjögren',
  'Abrahamsson', 'Falk', 'Öberg', 'Blom', 'Ek', 'Strand', 'Forsman', 'Åkesson', 'Lindholm', 'Nordqvist',
  // Finnish
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen',
  'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen',
  'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila',
  'Savolainen', 'Lahtinen', 'Ahonen', 'Räsänen', 'Ojala', 'Leinonen',
];
