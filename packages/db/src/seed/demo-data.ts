/** A believable demo catalog: realistic names and search-friendly descriptions. Prices are USD cents. */

export interface DemoCategory {
  slug: string;
  name: string;
}

export interface DemoProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  /** The slug of the product's category. */
  category: string;
}

export const demoCategories: DemoCategory[] = [
  { slug: 'kitchen', name: 'Kitchen' },
  { slug: 'home-office', name: 'Home Office' },
  { slug: 'audio', name: 'Audio' },
  { slug: 'outdoor', name: 'Outdoor' },
  { slug: 'apparel', name: 'Apparel' },
  { slug: 'books', name: 'Books' },
  { slug: 'wellness', name: 'Wellness' },
  { slug: 'toys', name: 'Toys & Games' },
];

export const demoProducts: DemoProduct[] = [
  // Kitchen
  {
    slug: 'cast-iron-skillet',
    name: 'Cast Iron Skillet, 10-inch',
    description:
      'Pre-seasoned cast iron skillet that goes from stovetop to oven to campfire. Holds heat evenly for searing steaks and baking cornbread.',
    priceCents: 3499,
    stock: 120,
    category: 'kitchen',
  },
  {
    slug: 'stainless-steel-chef-knife',
    name: "Stainless Steel Chef's Knife, 8-inch",
    description:
      'Forged high-carbon stainless steel blade with a full tang and a comfortable pakkawood handle. Sharp out of the box for slicing, dicing and mincing.',
    priceCents: 7999,
    stock: 64,
    category: 'kitchen',
  },
  {
    slug: 'ceramic-pour-over-dripper',
    name: 'Ceramic Pour-Over Coffee Dripper',
    description:
      'Hand-glazed ceramic dripper with spiral ribs for an even extraction. Fits standard #2 paper filters and sits on most mugs.',
    priceCents: 2499,
    stock: 85,
    category: 'kitchen',
  },
  {
    slug: 'stoneware-mug-set',
    name: 'Stoneware Coffee Mug Set (4)',
    description:
      'Four 12 oz speckled stoneware mugs, dishwasher and microwave safe. A sturdy everyday mug for coffee, tea or cocoa.',
    priceCents: 3899,
    stock: 140,
    category: 'kitchen',
  },
  {
    slug: 'bamboo-cutting-board',
    name: 'Bamboo Cutting Board',
    description:
      'Large end-grain bamboo cutting board with a deep juice groove. Gentle on knife edges and easy to oil and maintain.',
    priceCents: 2999,
    stock: 0,
    category: 'kitchen',
  },
  {
    slug: 'glass-food-storage-set',
    name: 'Glass Food Storage Containers (10-Piece)',
    description:
      'Oven-safe borosilicate glass containers with leak-proof snap lids. Ideal for meal prep, leftovers and freezer storage.',
    priceCents: 4499,
    stock: 96,
    category: 'kitchen',
  },
  {
    slug: 'electric-gooseneck-kettle',
    name: 'Electric Gooseneck Kettle',
    description:
      'Variable-temperature electric kettle with a precision gooseneck spout for pour-over coffee and green tea. Keeps water hot for up to 60 minutes.',
    priceCents: 6999,
    stock: 38,
    category: 'kitchen',
  },
  {
    slug: 'dual-boiler-espresso-machine',
    name: 'Dual-Boiler Espresso Machine',
    description:
      'Stainless steel espresso machine with dual boilers, PID temperature control and a commercial-style steam wand for silky milk foam.',
    priceCents: 89900,
    stock: 7,
    category: 'kitchen',
  },

  // Home office
  {
    slug: 'brass-arc-desk-lamp',
    name: 'Brass Arc Desk Lamp',
    description:
      'Adjustable desk lamp with a brushed brass arm and a warm, dimmable LED. A weighted base keeps it steady on any work surface.',
    priceCents: 8900,
    stock: 42,
    category: 'home-office',
  },
  {
    slug: 'architect-task-lamp',
    name: 'Architect Swing-Arm Task Lamp',
    description:
      'Clamp-mounted swing-arm lamp with spring-balanced joints that hold any angle. Matte black steel with a glare-free shade for drafting and reading.',
    priceCents: 5499,
    stock: 57,
    category: 'home-office',
  },
  {
    slug: 'ergonomic-mesh-office-chair',
    name: 'Ergonomic Mesh Office Chair',
    description:
      'Breathable mesh back with adjustable lumbar support, 4D armrests and a synchronized tilt. Built for long workdays at the desk.',
    priceCents: 38900,
    stock: 18,
    category: 'home-office',
  },
  {
    slug: 'standing-desk-converter',
    name: 'Standing Desk Converter',
    description:
      'Gas-spring sit-stand converter that lifts your monitor and keyboard in seconds. Sits on top of an existing desk with no assembly.',
    priceCents: 24900,
    stock: 25,
    category: 'home-office',
  },
  {
    slug: 'wireless-vertical-mouse',
    name: 'Wireless Ergonomic Vertical Mouse',
    description:
      'Vertical mouse that keeps your wrist in a natural handshake position. Connects through a 2.4 GHz wireless receiver or Bluetooth and recharges over USB-C.',
    priceCents: 4999,
    stock: 110,
    category: 'home-office',
  },
  {
    slug: 'walnut-monitor-stand',
    name: 'Walnut Monitor Stand',
    description:
      'Solid walnut riser that lifts your display to eye level and frees up desk space for a keyboard underneath.',
    priceCents: 11900,
    stock: 33,
    category: 'home-office',
  },
  {
    slug: 'wool-felt-desk-pad',
    name: 'Wool Felt Desk Pad',
    description:
      'Thick merino wool felt desk mat that protects your desk and dampens keyboard noise. Non-slip cork underside.',
    priceCents: 3900,
    stock: 0,
    category: 'home-office',
  },

  // Audio
  {
    slug: 'wireless-noise-cancelling-headphones',
    name: 'Wireless Noise-Cancelling Headphones',
    description:
      'Over-ear Bluetooth headphones with active noise cancellation, 40-hour battery life and plush memory-foam ear cushions. Folds flat into a hard travel case.',
    priceCents: 24900,
    stock: 46,
    category: 'audio',
  },
  {
    slug: 'studio-monitor-headphones',
    name: 'Studio Monitor Headphones',
    description:
      'Closed-back wired headphones with flat, accurate sound for mixing and podcast editing. Detachable coiled cable and swiveling ear cups.',
    priceCents: 14900,
    stock: 30,
    category: 'audio',
  },
  {
    slug: 'portable-bluetooth-speaker',
    name: 'Portable Bluetooth Speaker',
    description:
      'Waterproof IPX7 speaker with 360-degree sound and a 20-hour battery. Floats in the pool and clips onto a backpack.',
    priceCents: 7999,
    stock: 150,
    category: 'audio',
  },
  {
    slug: 'belt-drive-record-player',
    name: 'Belt-Drive Record Player',
    description:
      'Two-speed belt-drive turntable with a built-in phono preamp and an aluminium platter. Plays 33 and 45 rpm vinyl records.',
    priceCents: 29900,
    stock: 12,
    category: 'audio',
  },
  {
    slug: 'powered-bookshelf-speakers',
    name: 'Powered Bookshelf Speakers (Pair)',
    description:
      'Active bookshelf speakers with a 4-inch woofer, silk dome tweeter and optical, RCA and USB inputs. Real wood veneer cabinets.',
    priceCents: 34900,
    stock: 20,
    category: 'audio',
  },
  {
    slug: 'usb-condenser-microphone',
    name: 'USB Condenser Microphone',
    description:
      'Cardioid condenser microphone for podcasting, streaming and voice-over. Plug-and-play USB-C with a zero-latency headphone jack.',
    priceCents: 12900,
    stock: 0,
    category: 'audio',
  },

  // Outdoor
  {
    slug: 'two-person-backpacking-tent',
    name: 'Two-Person Backpacking Tent',
    description:
      'Lightweight three-season tent weighing just 3.5 lbs, with two doors, two vestibules and a waterproof ripstop nylon fly.',
    priceCents: 27900,
    stock: 22,
    category: 'outdoor',
  },
  {
    slug: 'solar-garden-path-lamps',
    name: 'Solar Garden Path Lamps (Set of 6)',
    description:
      'Stainless steel solar path lamps that charge by day and glow warm white for up to 10 hours at night. No wiring needed.',
    priceCents: 3999,
    stock: 200,
    category: 'outdoor',
  },
  {
    slug: 'insulated-water-bottle',
    name: 'Insulated Stainless Steel Water Bottle, 32 oz',
    description:
      'Double-wall vacuum-insulated bottle keeps drinks cold for 24 hours or hot for 12. Leak-proof lid and powder-coated finish.',
    priceCents: 3499,
    stock: 250,
    category: 'outdoor',
  },
  {
    slug: 'down-sleeping-bag',
    name: 'Down Sleeping Bag, 20°F',
    description:
      'Mummy-style sleeping bag filled with 650-fill responsibly sourced down. Packs into a compact stuff sack for backpacking.',
    priceCents: 21900,
    stock: 15,
    category: 'outdoor',
  },
  {
    slug: 'folding-camp-chair',
    name: 'Folding Camp Chair',
    description:
      'Sturdy aluminium-frame camp chair with a cup holder and side pocket. Folds into a carry bag for picnics, festivals and campsites.',
    priceCents: 4999,
    stock: 88,
    category: 'outdoor',
  },
  {
    slug: 'carbon-trekking-poles',
    name: 'Carbon Fiber Trekking Poles',
    description:
      'Collapsible carbon fiber trekking poles with cork grips and quick-lock adjustment. Lightweight support for steep trails.',
    priceCents: 8999,
    stock: 54,
    category: 'outdoor',
  },
  {
    slug: 'parachute-nylon-hammock',
    name: 'Parachute Nylon Camping Hammock',
    description:
      'Breathable parachute nylon hammock that holds up to 400 lbs. Includes tree-friendly straps and sets up in two minutes.',
    priceCents: 2999,
    stock: 130,
    category: 'outdoor',
  },

  // Apparel
  {
    slug: 'organic-cotton-crew-tee',
    name: 'Organic Cotton Crew T-Shirt',
    description:
      'Soft, midweight crew-neck tee made from 100% GOTS-certified organic cotton. Pre-shrunk with a relaxed fit.',
    priceCents: 2800,
    stock: 240,
    category: 'apparel',
  },
  {
    slug: 'merino-wool-beanie',
    name: 'Merino Wool Beanie',
    description:
      'Ribbed knit beanie in fine merino wool that stays warm without itching. One size fits most.',
    priceCents: 3200,
    stock: 75,
    category: 'apparel',
  },
  {
    slug: 'waxed-canvas-field-jacket',
    name: 'Waxed Canvas Field Jacket',
    description:
      'Water-resistant waxed cotton canvas jacket with a corduroy collar and four front pockets. Develops a rich patina with wear.',
    priceCents: 22900,
    stock: 16,
    category: 'apparel',
  },
  {
    slug: 'organic-cotton-hoodie',
    name: 'Organic Cotton Pullover Hoodie',
    description:
      'Heavyweight brushed-fleece pullover hoodie in organic cotton with a kangaroo pocket and ribbed cuffs.',
    priceCents: 6800,
    stock: 90,
    category: 'apparel',
  },
  {
    slug: 'merino-hiking-socks',
    name: 'Merino Hiking Socks (3 Pairs)',
    description:
      'Cushioned merino wool hiking socks that wick moisture and resist odor. Reinforced heel and toe for long trail days.',
    priceCents: 3600,
    stock: 180,
    category: 'apparel',
  },
  {
    slug: 'selvedge-denim-jeans',
    name: 'Selvedge Denim Jeans',
    description:
      'Slim straight jeans cut from 14 oz raw selvedge denim woven on vintage shuttle looms. Fades to a pattern unique to the wearer.',
    priceCents: 15800,
    stock: 27,
    category: 'apparel',
  },

  // Books
  {
    slug: 'home-cooks-handbook',
    name: "The Home Cook's Handbook",
    description:
      'A hardcover guide to everyday cooking techniques, from knife skills to braising, with 150 tested recipes and step-by-step photos.',
    priceCents: 3200,
    stock: 70,
    category: 'books',
  },
  {
    slug: 'field-guide-north-american-birds',
    name: 'Field Guide to North American Birds',
    description:
      'Compact paperback field guide with over 800 species illustrations, range maps and tips for identifying birds by song.',
    priceCents: 2495,
    stock: 60,
    category: 'books',
  },
  {
    slug: 'focused-deep-work-paperback',
    name: 'Focused: Doing Deep Work in a Distracted World',
    description:
      'A practical paperback on building focus habits, planning your week and protecting time for meaningful work.',
    priceCents: 1799,
    stock: 110,
    category: 'books',
  },
  {
    slug: 'watercolor-for-beginners-workbook',
    name: 'Watercolor for Beginners Workbook',
    description:
      'Spiral-bound workbook with 30 guided watercolor painting projects on heavyweight paper. Learn washes, blending and botanical painting.',
    priceCents: 1999,
    stock: 45,
    category: 'books',
  },
  {
    slug: 'illustrated-world-atlas',
    name: 'Illustrated Atlas of the World',
    description:
      'Oversized hardcover atlas with detailed political and physical maps, satellite imagery and country facts.',
    priceCents: 4500,
    stock: 28,
    category: 'books',
  },
  {
    slug: 'bedtime-story-treasury',
    name: 'Bedtime Story Treasury',
    description:
      'A hardcover collection of 25 illustrated bedtime stories for ages 3 to 7, made for reading aloud.',
    priceCents: 2299,
    stock: 95,
    category: 'books',
  },

  // Wellness
  {
    slug: 'natural-cork-yoga-mat',
    name: 'Natural Cork Yoga Mat',
    description:
      'Sustainable cork yoga mat with a non-slip natural rubber base. Grips better as you sweat and resists odor.',
    priceCents: 8900,
    stock: 40,
    category: 'wellness',
  },
  {
    slug: 'himalayan-salt-lamp',
    name: 'Himalayan Salt Lamp',
    description:
      'Hand-carved pink Himalayan salt crystal on a wooden base with a dimmable bulb. Casts a warm amber glow for winding down in the evening.',
    priceCents: 3499,
    stock: 65,
    category: 'wellness',
  },
  {
    slug: 'ultrasonic-oil-diffuser',
    name: 'Ultrasonic Essential Oil Diffuser',
    description:
      'Whisper-quiet ultrasonic aroma diffuser with a 300 ml tank, automatic shut-off and a soft ambient glow.',
    priceCents: 3299,
    stock: 100,
    category: 'wellness',
  },
  {
    slug: 'high-density-foam-roller',
    name: 'High-Density Foam Roller',
    description: 'Firm 18-inch foam roller for muscle recovery, myofascial release and post-run stretching.',
    priceCents: 2499,
    stock: 120,
    category: 'wellness',
  },
  {
    slug: 'adjustable-dumbbell-set',
    name: 'Adjustable Dumbbell Set',
    description:
      'A pair of space-saving dumbbells that adjust from 5 to 52.5 lbs with a turn of the dial. Replaces 15 sets of weights.',
    priceCents: 39900,
    stock: 9,
    category: 'wellness',
  },
  {
    slug: 'organic-cotton-weighted-blanket',
    name: 'Weighted Blanket, 15 lb',
    description:
      'Breathable organic cotton weighted blanket filled with glass beads for calm, deep-pressure comfort at bedtime.',
    priceCents: 12900,
    stock: 34,
    category: 'wellness',
  },
  {
    slug: 'organic-chamomile-tea',
    name: 'Organic Chamomile Herbal Tea (20 Bags)',
    description:
      'Caffeine-free herbal tea of whole organic chamomile flowers in compostable tea bags. A gentle, honeyed cup before bed.',
    priceCents: 649,
    stock: 220,
    category: 'wellness',
  },

  // Toys & games
  {
    slug: 'wooden-building-blocks',
    name: 'Wooden Building Blocks (100-Piece)',
    description:
      'Smooth, sustainably harvested beech wood blocks in natural and painted finishes. Encourages open-ended play for ages 2 and up.',
    priceCents: 4499,
    stock: 80,
    category: 'toys',
  },
  {
    slug: 'wooden-train-set',
    name: 'Wooden Train Set (52-Piece)',
    description:
      'Wooden railway with a figure-eight track, a bridge and magnetic train cars. Compatible with most wooden track systems.',
    priceCents: 7499,
    stock: 36,
    category: 'toys',
  },
  {
    slug: 'organic-cotton-teddy-bear',
    name: 'Organic Cotton Teddy Bear',
    description:
      'Huggable plush teddy bear made from organic cotton with embroidered eyes, so it is safe from birth.',
    priceCents: 2999,
    stock: 0,
    category: 'toys',
  },
  {
    slug: 'harbor-traders-board-game',
    name: 'Harbor Traders Strategy Board Game',
    description:
      'Trade, build and expand your port in this strategy board game for 3 to 5 players. Games last about an hour.',
    priceCents: 3999,
    stock: 58,
    category: 'toys',
  },
  {
    slug: 'alpine-lake-jigsaw-puzzle',
    name: '1000-Piece Jigsaw Puzzle: Alpine Lake',
    description:
      'A 1000-piece jigsaw puzzle of a mountain lake at dawn, printed on thick recycled board with a glare-free finish.',
    priceCents: 1899,
    stock: 105,
    category: 'toys',
  },
  {
    slug: 'giant-bubble-wand-kit',
    name: 'Giant Bubble Wand Kit',
    description:
      'Two giant bubble wands with a tray and non-toxic bubble concentrate. Makes huge, wobbly bubbles in the backyard.',
    priceCents: 449,
    stock: 190,
    category: 'toys',
  },
];
