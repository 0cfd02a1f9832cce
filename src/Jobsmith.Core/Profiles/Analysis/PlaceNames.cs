namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// A short hand-written list of well-known place names (common-knowledge facts, not copied from any
/// gazetteer): countries and regions resumes often name, Indian and US states, and large cities where
/// resumes in this product's reach come from. A one-word place such as "Chennai" has no shape that
/// tells it from any other capitalised word, so only a known name can be taken for a place.
/// </summary>
internal static class PlaceNames
{
    public static readonly string[] Countries =
    [
        "India", "USA", "U.S.A.", "United States", "UK", "U.K.", "United Kingdom", "England", "Scotland", "Wales", "Ireland",
        "Canada", "Australia", "New Zealand", "Germany", "France", "Spain", "Italy", "Portugal", "Netherlands", "Belgium",
        "Switzerland", "Austria", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Russia", "Ukraine", "Greece", "Turkey",
        "China", "Japan", "Korea", "Singapore", "Malaysia", "Indonesia", "Philippines", "Thailand", "Vietnam", "Sri Lanka",
        "Pakistan", "Bangladesh", "Nepal", "UAE", "Dubai", "Qatar", "Saudi Arabia", "Oman", "Kuwait", "Bahrain", "Israel",
        "Egypt", "Nigeria", "Kenya", "South Africa", "Ghana", "Ethiopia", "Brazil", "Mexico", "Argentina", "Chile", "Colombia",
        "Peru", "Europe", "Africa", "Asia", "Middle East",
    ];

    public static readonly string[] Regions =
    [
        "Andhra Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand",
        "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Odisha", "Orissa", "Punjab", "Rajasthan", "Tamil Nadu",
        "Telangana", "Uttar Pradesh", "Uttarakhand", "West Bengal", "Delhi", "New Delhi",
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
        "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
        "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
        "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
        "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec", "British Columbia", "Alberta", "Victoria",
        "New South Wales", "Queensland",
    ];

    public static readonly string[] Cities =
    [
        "Mumbai", "Bombay", "Pune", "Bangalore", "Bengaluru", "Chennai", "Madras", "Hyderabad", "Kolkata", "Calcutta", "Noida",
        "Gurgaon", "Gurugram", "Ahmedabad", "Jaipur", "Lucknow", "Kochi", "Cochin", "Coimbatore", "Mysore", "Nagpur", "Indore",
        "Bhopal", "Chandigarh", "Trivandrum", "Thiruvananthapuram", "Vijayawada", "Visakhapatnam", "Calicut", "Kozhikode",
        "Patna", "Surat", "Vadodara", "Mangalore", "Madurai",
        "New York City", "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego", "Dallas",
        "San Jose", "Austin", "San Francisco", "Seattle", "Boston", "Denver", "Atlanta", "Miami", "Baltimore", "Minneapolis",
        "Detroit", "Pittsburgh", "Portland", "Sacramento", "Las Vegas", "Nashville", "Charlotte", "Columbus", "Cleveland",
        "Indianapolis", "Milwaukee", "St. Louis", "Kansas City", "Salt Lake City", "Orlando", "Tampa", "Raleigh", "Cincinnati",
        "Toronto", "Vancouver", "Montreal", "Ottawa", "Calgary",
        "London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Glasgow", "Edinburgh", "Bristol", "Coventry", "Cambridge",
        "Oxford", "Belfast", "Dublin", "Paris", "Berlin", "Munich", "Frankfurt", "Hamburg", "Amsterdam", "Brussels", "Zurich",
        "Geneva", "Vienna", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Madrid", "Barcelona", "Lisbon", "Rome", "Milan",
        "Prague", "Warsaw", "Moscow", "Istanbul", "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland",
        "Tokyo", "Beijing", "Shanghai", "Hong Kong", "Seoul", "Bangkok", "Kuala Lumpur", "Jakarta", "Manila", "Karachi",
        "Lahore", "Dhaka", "Colombo", "Kathmandu", "Abu Dhabi", "Doha", "Riyadh", "Jeddah", "Muscat", "Cairo", "Lagos",
        "Nairobi", "Johannesburg", "Cape Town", "Accra", "Sao Paulo", "Mexico City", "Buenos Aires",
    ];
}
