/**
 * Questions no shop's help content answers, shipped with the product: chit-chat, general
 * knowledge, errands for a personal assistant, and questions for kinds of business other than a
 * given shop (a shop of that kind may answer a few of them; calibration reads a quantile, not
 * the maximum, so a handful of on-topic lines does not matter). Written for the product, not
 * taken from any evaluation set. Used by calibrate.ts to see what "no answer here" looks like in
 * a workspace's own index.
 */
const BANK = `
how are you doing today
tell me a joke
what is your favorite color
are you married
do you like music
what is the meaning of life
can you sing me a song
what's your name
how old are you
do you have feelings
who made you
what do you think about the weather
i'm bored, entertain me
say something funny
what is your favourite movie
do you dream at night
can we be friends
what are you wearing
do you believe in ghosts
what's your zodiac sign
what is the capital of australia
who wrote pride and prejudice
how many moons does jupiter have
what year did the berlin wall fall
who painted the mona lisa
how far away is the sun
what is the tallest mountain in the world
how many bones are in the human body
who invented the telephone
what language do they speak in brazil
what is the boiling point of water in fahrenheit
when did world war two end
how deep is the pacific ocean
who was the first person on the moon
what is the speed of light
what is the population of tokyo
what's the chemical symbol for gold
how many players are on a soccer team
who won the world cup in 2014
what is photosynthesis
what's 17 times 23
what is the square root of 144
convert 30 celsius to fahrenheit
how many ounces in a pound
how many kilometers is a marathon
what is 15 percent of 80
how many days until christmas
what day of the week was july 4 1976
is 97 a prime number
how many seconds are in a day
set an alarm for 6 am
remind me to call my mom tomorrow
what's the weather like in chicago
will it rain this weekend
play some jazz music
turn off the living room lights
add milk to my grocery list
what's on my calendar today
call a taxi for me
how's the traffic on the highway
translate good morning into french
how do you say thank you in japanese
what time is it in london
book me a table for two tonight
find me a flight to miami
what's the exchange rate from dollars to euros
how is the stock market doing
what's the score of the lakers game
read me the latest news
send a text to john
how do I make lasagna
what's a good recipe for banana bread
how long do I boil an egg
how many calories are in an avocado
what wine goes with salmon
how do I get rid of hiccups
what are the symptoms of the flu
how much water should I drink a day
how can I fall asleep faster
what's a good exercise for back pain
how do I change a flat tire
how do I unclog a drain
how do I fix a leaky faucet
what's the best way to remove a wine stain
how do I reset my wifi router
why is my laptop so slow
how do I take a screenshot on a mac
how do I update my iphone
what is the best streaming service
how do I start a podcast
how do I file my taxes
what is my credit score
how do I open a savings account
what's the interest rate on a mortgage
how do I transfer money to another bank
can I increase my credit card limit
my debit card was declined at the atm
how do I dispute a charge on my bank statement
what's the routing number for my bank
how do I apply for a personal loan
is my car insurance up to date
how do I file an insurance claim after an accident
when is my rent due
how do I renew my passport
do I need a visa to visit japan
what vaccines do I need for travel to kenya
how do I get a driver's license
where is the nearest post office
what time does the dmv open
how do I register to vote
can you book me a hotel in paris
how much is a round trip ticket to new york
what's the baggage allowance on my flight
can I bring a pet on the plane
is my train delayed
where can I rent a car at the airport
how much is a haircut
can I book a manicure for saturday
do you do hair coloring for men
how much is a deep tissue massage
do you offer eyebrow waxing
can I get a tattoo touched up
how much does teeth whitening cost
can I book a dental cleaning
do you accept my vision insurance for glasses
can I get a flu shot here
do you fill prescriptions
is the pharmacy open on sunday
can the vet see my cat today
how much is dog grooming for a poodle
do you board dogs over the holidays
can you change the oil in my car
how much to replace brake pads
do you sell winter tires for a suv
can you fix a cracked windshield
how much is a car wash
do you have a tow truck available
can you repair my iphone screen
do you unlock android phones
how much does it cost to fix a laptop keyboard
do you recover data from a dead hard drive
can you install a new roof
do you do kitchen remodeling
how much for a plumber to come out
can you fix my air conditioner
do you clean carpets
how much is a house cleaning for three bedrooms
do you do lawn mowing
can you remove a tree stump
do you install solar panels
how much is a moving truck for a day
do you have a gluten free pizza
can I order a large pepperoni for delivery
is the sushi fresh today
do you have a kids menu
can I make a reservation for eight people
do you serve brunch on weekends
is there a vegan burger on the menu
how spicy is the curry
do you have happy hour
can I bring my own wine to the restaurant
do you sell birthday cakes with custom writing
are your bagels made fresh every morning
do you have oat milk for lattes
what's in the pumpkin spice muffin
do you sell concert tickets
what movies are playing tonight
how much is a ticket to the museum
is the zoo open on mondays
can I book a tee time for sunday morning
how much is a gym membership
do you have yoga classes for beginners
is there a swimming pool at the hotel
do you offer personal training sessions
can I freeze my gym membership
do you sell fishing licenses
do you have camping spots with electricity
how much does it cost to rent a kayak
can I rent skis for the weekend
do you sell lottery tickets
do you sell cigarettes
do you cash checks
do you have a notary public
can I print documents here
do you make copies of keys
do you sell postage stamps
can I send a fax from here
do you have a public restroom
where can I charge my electric car
do you sell propane tanks
do you carry size 14 basketball shoes
do you have the new iphone in stock
do you sell refrigerators
can you deliver a mattress and take the old one away
do you sell engagement rings
can you resize my wedding band
do you buy gold jewelry
how much is a diamond necklace
do you sell prom dresses
can you hem my suit pants
do you do dry cleaning
do you sell school uniforms
do you carry maternity clothes
do you sell baby strollers
do you have car seats for newborns
do you sell textbooks for college courses
do you have the latest harry potter book
do you sell printer ink
do you sell office chairs
do you carry lumber and plywood
do you cut glass to size
do you sell paint and can you mix colors
do you have garden fertilizer
do you sell live christmas trees
do you sell fresh flowers for a funeral
can I order a wedding bouquet
do you sell aquarium fish
do you sell hamster cages
do you have horse saddles
do you sell firearms
do you sell hunting ammunition
do you sell used cars
can I test drive a tesla
do you finance motorcycles
do you sell boat parts
do you rent party tents
can you cater a wedding for 200 guests
do you have a photo booth for events
do you do wedding photography
can you dj my birthday party
do you have a bouncy castle for rent
do you sell halloween costumes
do you sell fireworks
do you sell video game consoles
do you buy used video games
do you have the latest playstation
do you repair watches
do you sell hearing aids
do you sell wheelchairs
do you offer tutoring for high school math
can my kid join the summer camp
do you teach driving lessons
do you have daycare openings
do you offer english classes for adults
is the library open late
can I adopt a kitten
how do I report a lost dog
who is the mayor of this city
when is garbage pickup
how do I pay a parking ticket
what is the minimum wage
how do I apply for unemployment
how do I contact the police non emergency line
I need a lawyer for a divorce
can you help me write my resume
can you recommend a good dentist
what is the best pizza place near me
where is the closest gas station
is there a hospital nearby
what's the best hiking trail around here
can you recommend a good book
what's a good gift for my dad
what should I name my puppy
should I buy or rent a house
is bitcoin a good investment
how do I lose weight fast
what's the best phone to buy this year
who will win the election
what's the wifi password
can you do my homework
write me a poem about the ocean
what does lol mean
how do I learn to code
what's the best programming language
is pluto a planet
why is the sky blue
what came first the chicken or the egg
how do airplanes fly
what is a black hole
do aliens exist
i lost my keys
my neighbor is too loud
my phone battery dies too fast
my kid won't eat vegetables
my car makes a weird noise
i can't log into my email
i forgot my netflix password
my package from another store never arrived
how do I cancel my phone contract
how do I change my electricity provider
when does daylight saving time start
what's the date of easter this year
what holidays are in november
how long is a flight to hawaii
what's the time difference with sydney
how cold does it get in alaska
what's the best time to visit italy
how do I plant tulip bulbs
why are my tomato leaves turning yellow
how often should I water a cactus
how do I knit a scarf
how do I tune a guitar by ear
what's the best board game for two players
how do I brew cold brew coffee at home
how long should I steep green tea
how much dog food should my puppy eat
why does my cat scratch the furniture
how do I clean a cast iron pan
how do I sharpen a kitchen knife
what's the best way to store bread
how do I iron a shirt
how do I remove rust from a bike chain
how much air should be in my bike tires
`;

/** The bank, one question a line. */
export const OFF_TOPIC_QUESTIONS: readonly string[] = BANK.split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
